/**
 * The plugin's admin texts in English and Russian: Medusa's admin loads this file (admin SDK
 * translations) and shows each admin their own language. Keys live under the plugin's own prefix.
 */
const en = {
  "aistoreTelegram": {
    "username": "Username",
    "telegramId": "Telegram ID",
    "language": "Language",
    "botMayWrite": "Bot may write",
    "yes": "Yes",
    "notAllowedYet": "Not allowed yet",
    "premium": "Premium"
  }
}

const ru = {
  "aistoreTelegram": {
    "username": "Имя пользователя",
    "telegramId": "Telegram ID",
    "language": "Язык",
    "botMayWrite": "Бот может писать",
    "yes": "Да",
    "notAllowedYet": "Пока не разрешено",
    "premium": "Premium"
  }
}

export default {
  en: { translation: en },
  ru: { translation: ru },
}
