/**
 * The plugin's admin texts (the order and product widgets) in English and Russian: Medusa's admin
 * loads this file (admin SDK translations) and shows each admin their own language. Keys live
 * under the plugin's own prefix.
 */
const courseAccessEn = {
  aistoreCourseAccess: {
    title: "Course access",
    loadFailed: "Course access",
    message: {
      sent: "Delivered",
      failed: "Not delivered",
      pending: "Pending",
      not_allowed: "Bot may not write",
      no_telegram: "No Telegram",
    },
    revokeReason: {
      refund: "refunded",
      canceled: "order canceled",
      merchant: "taken back",
    },
    active: "Active",
    activeJoined: "Active, joined the chat",
    revoked: "Revoked ({{reason}})",
    confirmTitle: "Take back access?",
    confirmDescription: "{{count}} course(s) leave the buyer's list, and the bot removes them from the course chats.",
    takeBack: "Take back",
    cancel: "Cancel",
    takenBack: "Access taken back",
    notTakenBack: "Access not taken back",
    partlyRefunded: "Partly refunded: choose the courses that lose access.",
    takeBackAccess: "Take back access",
    course: "Course",
    access: "Access",
    botMessage: "Bot's message",
    productHint: "What a buyer gets once the payment is captured. Private: never shown in the store.",
    accessUrl: "Access URL",
    chatId: "Telegram channel or group id",
    chatHint: "The bot must be an admin there, allowed to invite users. Each buyer gets a personal join-request link.",
    instructions: "Instructions",
    save: "Save",
    saved: "Course access saved",
    notSaved: "Course access not saved",
  },
}

const courseAccessRu = {
  aistoreCourseAccess: {
    title: "Доступ к курсу",
    loadFailed: "Доступ к курсу",
    message: {
      sent: "Доставлено",
      failed: "Не доставлено",
      pending: "Ожидает",
      not_allowed: "Бот не может писать",
      no_telegram: "Нет Telegram",
    },
    revokeReason: {
      refund: "возврат",
      canceled: "заказ отменён",
      merchant: "отозван",
    },
    active: "Активен",
    activeJoined: "Активен, вступил в чат",
    revoked: "Отозван ({{reason}})",
    confirmTitle: "Отозвать доступ?",
    confirmDescription: "Курсов: {{count}} — они исчезнут из списка покупателя, бот удалит его из чатов курсов.",
    takeBack: "Отозвать",
    cancel: "Отмена",
    takenBack: "Доступ отозван",
    notTakenBack: "Доступ не отозван",
    partlyRefunded: "Частичный возврат: выберите курсы, к которым доступ закрывается.",
    takeBackAccess: "Отозвать доступ",
    course: "Курс",
    access: "Доступ",
    botMessage: "Сообщение бота",
    productHint: "Что получит покупатель после списания оплаты. Закрытые данные: в магазине не показываются.",
    accessUrl: "Ссылка на курс",
    chatId: "ID канала или группы Telegram",
    chatHint:
      "Бот должен быть там администратором с правом приглашать. Каждый покупатель получает личную ссылку-заявку.",
    instructions: "Инструкции",
    save: "Сохранить",
    saved: "Доступ к курсу сохранён",
    notSaved: "Доступ к курсу не сохранён",
  },
}

export default {
  en: { translation: courseAccessEn },
  ru: { translation: courseAccessRu },
}
