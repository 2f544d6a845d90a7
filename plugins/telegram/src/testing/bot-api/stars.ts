import { BotApiError } from "./errors"
import type { MethodHandler } from "./methods"

/** An invoice createInvoiceLink made, by its link. */
export type DoubleInvoice = {
  link: string
  title: string
  description: string
  payload: string
  currency: string
  /** The sum of `prices`, in Stars. */
  amount: number
  providerToken: string
}

/** https://core.telegram.org/bots/api#startransaction, as the double keeps them (oldest first). */
export type DoubleStarTransaction = {
  id: string
  amount: number
  date: number
  source?: { type: "user"; user: { id: number; is_bot: false; first_name: string }; invoice_payload: string }
  receiver?: { type: "user"; user: { id: number; is_bot: false; first_name: string } }
}

export type StarsState = {
  invoices: Map<string, DoubleInvoice>
  transactions: DoubleStarTransaction[]
  /** answerPreCheckoutQuery's answers, by query id. */
  preCheckoutAnswers: Map<string, { ok: boolean; error_message?: string }>
  nextInvoice: number
  nextCharge: number
}

export function createStarsState(): StarsState {
  return { invoices: new Map(), transactions: [], preCheckoutAnswers: new Map(), nextInvoice: 1, nextCharge: 1 }
}

const payer = (id: number) => ({ id, is_bot: false as const, first_name: "Покупатель" })

/** Like Telegram for Stars: XTR, an empty provider token, exactly one price, a 1–128 byte payload. */
export const createInvoiceLink: MethodHandler = (params, { state }) => {
  const { stars } = state
  const text = (name: string, min: number, max: number) => {
    const value = params[name]
    if (typeof value !== "string" || value.length < min || value.length > max) {
      throw new BotApiError(400, `Bad Request: ${name.toUpperCase()}_INVALID`)
    }
    return value
  }
  const title = text("title", 1, 32)
  const description = text("description", 1, 255)
  const payload = text("payload", 1, 128)
  if (Buffer.byteLength(payload) > 128) {
    throw new BotApiError(400, "Bad Request: PAYLOAD_INVALID")
  }
  if (params.currency !== "XTR") {
    throw new BotApiError(400, "Bad Request: CURRENCY_INVALID")
  }
  if (params.provider_token !== undefined && params.provider_token !== "") {
    throw new BotApiError(400, "Bad Request: PROVIDER_TOKEN_INVALID (Stars invoices take an empty provider token)")
  }
  const prices = params.prices
  if (
    !Array.isArray(prices) ||
    prices.length !== 1 ||
    !Number.isSafeInteger(prices[0]?.amount) ||
    prices[0].amount <= 0
  ) {
    throw new BotApiError(400, "Bad Request: Stars invoices take exactly one price, a positive whole number of Stars")
  }
  const link = `https://t.me/$double_invoice_${stars.nextInvoice++}`
  stars.invoices.set(link, {
    link,
    title,
    description,
    payload,
    currency: "XTR",
    amount: prices[0].amount,
    providerToken: String(params.provider_token ?? ""),
  })
  return link
}

export const answerPreCheckoutQuery: MethodHandler = (params, { state }) => {
  const { stars } = state
  const id = params.pre_checkout_query_id
  if (typeof id !== "string" || !id) {
    throw new BotApiError(400, "Bad Request: QUERY_ID_INVALID")
  }
  const ok = params.ok === true || params.ok === "true"
  if (!ok && (typeof params.error_message !== "string" || !params.error_message)) {
    throw new BotApiError(400, "Bad Request: ERROR_MESSAGE_EMPTY")
  }
  if (stars.preCheckoutAnswers.has(id)) {
    throw new BotApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
  }
  stars.preCheckoutAnswers.set(id, ok ? { ok } : { ok, error_message: String(params.error_message) })
  return true
}

/** Like Telegram: the payer's charge only, and at most once (CHARGE_ALREADY_REFUNDED after that). */
export const refundStarPayment: MethodHandler = (params, { state }) => {
  const { stars } = state
  const userId = Number(params.user_id)
  const chargeId = params.telegram_payment_charge_id
  const paid = stars.transactions.find((entry) => entry.id === chargeId && entry.source)
  if (!paid || paid.source!.user.id !== userId) {
    throw new BotApiError(400, "Bad Request: CHARGE_NOT_FOUND")
  }
  if (stars.transactions.some((entry) => entry.id === chargeId && entry.receiver)) {
    throw new BotApiError(400, "Bad Request: CHARGE_ALREADY_REFUNDED")
  }
  stars.transactions.push({
    id: paid.id,
    amount: paid.amount,
    date: Math.floor(Date.now() / 1000),
    receiver: { type: "user", user: payer(userId) },
  })
  return true
}

export const getStarTransactions: MethodHandler = (params, { state }) => {
  const { stars } = state
  const offset = params.offset === undefined ? 0 : Number(params.offset)
  const limit = params.limit === undefined ? 100 : Number(params.limit)
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new BotApiError(400, "Bad Request: offset or limit is invalid")
  }
  return { transactions: stars.transactions.slice(offset, offset + limit) }
}

/** Records a shopper's payment as Telegram would, and returns its charge id. */
export function recordPayment(stars: StarsState, invoice: DoubleInvoice, userId: number): DoubleStarTransaction {
  const transaction: DoubleStarTransaction = {
    id: `stxDouble${String(stars.nextCharge++).padStart(8, "0")}`,
    amount: invoice.amount,
    date: Math.floor(Date.now() / 1000),
    source: { type: "user", user: payer(userId), invoice_payload: invoice.payload },
  }
  stars.transactions.push(transaction)
  return transaction
}

export const STARS_METHODS: Record<string, MethodHandler> = {
  createInvoiceLink,
  answerPreCheckoutQuery,
  refundStarPayment,
  getStarTransactions,
}
