/** The admin extensions' texts, merged into the dashboard's (react-i18next), per admin user's language. */
export default {
  en: {
    translation: {
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
