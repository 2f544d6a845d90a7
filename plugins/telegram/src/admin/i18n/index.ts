/**
 * The plugin's admin texts in English and Russian: Medusa's admin loads this file (admin SDK
 * translations) and shows each admin their own language. Keys live under the plugin's own prefix.
 */
export default {
  en: {
    translation: {
      aistoreTelegram: {
        username: "Username",
        telegramId: "Telegram ID",
        language: "Language",
        botMayWrite: "Bot may write",
        yes: "Yes",
        notAllowedYet: "Not allowed yet",
        premium: "Premium",
      },
      telegramStars: {
        title: "Telegram Stars",
        loading: "Loading…",
        error: "Could not load the Stars payment: {{message}}",
        charge: "Charge id",
        payer: "Paid by (Telegram user id)",
        stars: "Stars",
        amount: "Amount",
        paidAt: "Paid at",
        refunded: "Refunded",
        notRefunded: "Paid",
        refundHint: "Stars are refunded whole: refund the full amount of this payment.",
      },
    },
  },
  ru: {
    translation: {
      aistoreTelegram: {
        username: "Имя пользователя",
        telegramId: "Telegram ID",
        language: "Язык",
        botMayWrite: "Бот может писать",
        yes: "Да",
        notAllowedYet: "Пока не разрешено",
        premium: "Premium",
      },
      telegramStars: {
        title: "Telegram Stars",
        loading: "Загрузка…",
        error: "Не удалось загрузить оплату в Stars: {{message}}",
        charge: "Идентификатор платежа",
        payer: "Оплатил (id пользователя Telegram)",
        stars: "Звёзды",
        amount: "Сумма",
        paidAt: "Оплачено",
        refunded: "Возвращено",
        notRefunded: "Оплачено",
        refundHint: "Звёзды возвращаются только целиком: возвращайте всю сумму этого платежа.",
      },
    },
  },
}
