import { escapeHtml } from "../utils/escape-html"
import { telegramUserIdOf, type TelegramAccountRecord } from "../utils/telegram-account"

/** The order as the merchant's message needs it (a query.graph result). */
export type OrderForMerchant = {
  id: string
  display_id: number | null
  currency_code: string
  total: number | { valueOf(): number }
  email?: string | null
  /** An order line's quantity lives on its detail record. */
  items: {
    title: string
    product_title?: string | null
    detail?: { quantity: number | { valueOf(): number } } | null
    total: number | { valueOf(): number }
  }[]
  customer?: {
    first_name?: string | null
    last_name?: string | null
    /** The verified account (telegram_account module), never the shopper-writable metadata. */
    telegram_account?: Pick<TelegramAccountRecord, "telegram_user_id" | "username"> | null
  } | null
  payment_collections?:
    | {
        status: string
        payments?: { provider_id: string }[] | null
      }[]
    | null
}

const PAYMENT_METHODS: Record<string, string> = {
  pp_yookassa_yookassa: "ЮKassa",
  "pp_telegram-stars_telegram-stars": "Telegram Stars",
  pp_system_default: "системный провайдер (без платёжного шлюза)",
}

const PAYMENT_STATUSES: Record<string, string> = {
  not_paid: "не оплачен",
  awaiting: "ожидает оплаты",
  authorized: "авторизован",
  partially_authorized: "частично авторизован",
  completed: "оплачен",
  partially_captured: "частично оплачен",
  canceled: "отменён",
  failed: "ошибка оплаты",
}

/** Amounts may arrive as Medusa BigNumbers; their numeric value is what is shown. */
export function formatMoney(amount: number | { valueOf(): number }, currencyCode: string): string {
  return new Intl.NumberFormat("ru-RU", {
    style: "currency",
    currency: currencyCode.toUpperCase(),
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(Number(amount))
}

/** Telegram usernames: 4–32 letters, digits and underscores (anything else is not linked). */
const USERNAME = /^[A-Za-z0-9_]{4,32}$/

/** The shopper as a link to their verified Telegram account when they signed in with Telegram. */
function shopper(order: OrderForMerchant): string {
  const customer = order.customer
  const account = customer?.telegram_account
  const name = escapeHtml(
    [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || order.email || "покупатель"
  )
  const username = account?.username
  if (username && USERNAME.test(username)) {
    return `<a href="https://t.me/${username}">${name}</a> (@${username})`
  }
  const id = telegramUserIdOf(account)
  return id ? `<a href="tg://user?id=${id}">${name}</a>` : name
}

/** The merchant's message about a new order, in Telegram's HTML, everything the shopper typed escaped. */
export function merchantOrderMessage(order: OrderForMerchant, adminUrl?: string): string {
  const collection = order.payment_collections?.[0]
  const provider = collection?.payments?.[0]?.provider_id
  const method = provider ? (PAYMENT_METHODS[provider] ?? provider) : "—"
  const status = collection ? (PAYMENT_STATUSES[collection.status] ?? collection.status) : "—"
  const number = order.display_id ?? order.id

  const lines = [
    `🛒 <b>Новый заказ №${escapeHtml(String(number))}</b>`,
    "",
    ...order.items.map((item) => {
      const quantity = Number(item.detail?.quantity ?? 1)
      const times = quantity > 1 ? ` × ${quantity}` : ""
      return `• ${escapeHtml(item.product_title || item.title)}${times} — ${formatMoney(item.total, order.currency_code)}`
    }),
    "",
    `<b>Итого:</b> ${formatMoney(order.total, order.currency_code)}`,
    `<b>Покупатель:</b> ${shopper(order)}`,
    `<b>Оплата:</b> ${escapeHtml(method)}, ${escapeHtml(status)}`,
  ]
  if (adminUrl) {
    lines.push("", `<a href="${escapeHtml(`${adminUrl}/orders/${order.id}`)}">Открыть заказ в админке</a>`)
  }
  return lines.join("\n")
}
