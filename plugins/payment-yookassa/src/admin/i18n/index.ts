/**
 * The plugin's admin texts in English and Russian: Medusa's admin loads this file (admin SDK
 * translations) and shows each admin their own language. Keys live under the plugin's own prefix.
 */
const en = {
  aistoreYookassa: {
    status: {
      pending: "Pending",
      waiting_for_capture: "Waiting for capture",
      succeeded: "Succeeded",
      canceled: "Canceled",
    },
    receiptStatus: {
      pending: "Being registered",
      succeeded: "Registered",
      canceled: "Not registered",
    },
    unreachable: "Yookassa unreachable: stored data",
    loading: "Loading payment from Yookassa…",
    paymentId: "Payment ID",
    statusLabel: "Status",
    mode: "Mode",
    unknown: "Unknown",
    test: "Test",
    live: "Live",
    amount: "Amount",
    receipt: "Receipt",
    receiptItems: "{{count}} item(s) to {{contact}}",
    noReceipt: "No receipt",
    refunds: "Refunds",
    none: "None",
    dashboard: "dashboard",
    admin: "admin",
  },
}

const ru = {
  aistoreYookassa: {
    status: {
      pending: "Ожидает оплаты",
      waiting_for_capture: "Ожидает списания",
      succeeded: "Оплачен",
      canceled: "Отменён",
    },
    receiptStatus: {
      pending: "Регистрируется",
      succeeded: "Зарегистрирован",
      canceled: "Не зарегистрирован",
    },
    unreachable: "ЮKassa недоступна: сохранённые данные",
    loading: "Загружаем платёж из ЮKassa…",
    paymentId: "ID платежа",
    statusLabel: "Статус",
    mode: "Режим",
    unknown: "Неизвестно",
    test: "Тестовый",
    live: "Боевой",
    amount: "Сумма",
    receipt: "Чек",
    receiptItems: "Позиций: {{count}}, получатель: {{contact}}",
    noReceipt: "Без чека",
    refunds: "Возвраты",
    none: "Нет",
    dashboard: "личный кабинет",
    admin: "админка",
  },
}

export default {
  en: { translation: en },
  ru: { translation: ru },
}
