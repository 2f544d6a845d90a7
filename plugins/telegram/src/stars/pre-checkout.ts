import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { StarsSessionData } from "../providers/telegram-stars/session-data"
import { STARS_CURRENCY, STARS_PROVIDER_ID } from "../providers/telegram-stars/options"
import { decodeInvoicePayload } from "./payload"
import { starsPlugin } from "./plugin-services"
import { loadCartForStars, starsPriceOf } from "./price"
import type { PreCheckoutQuery } from "./stars-update"

/** What the shopper reads in Telegram when the store says no (Telegram shows it as is). */
export const REFUSAL = {
  currency: "Этот счёт оплачивается только в Telegram Stars.",
  unknown: "Этот счёт больше не действует. Вернитесь в магазин и оформите оплату заново.",
  paid: "Этот заказ уже оплачен. Откройте магазин, чтобы увидеть его.",
  changed: "Сумма заказа изменилась. Вернитесь в магазин и оплатите заказ заново.",
  unavailable: "Не удалось проверить заказ. Попробуйте оплатить ещё раз через минуту.",
} as const

type SessionRow = {
  id: string
  status: string
  provider_id: string
  amount: number
  payment_collection_id: string
  data: StarsSessionData | null
}

/**
 * Telegram asks before it takes the Stars and gives the store 10 seconds: this answers in
 * the update's own request. Yes only for a live, unpaid Stars session of this store whose
 * cart still costs exactly what the invoice asks. A payload that is not the store's is left
 * unanswered (another handler's, or nobody's).
 */
export async function answerPreCheckoutQuery(container: MedusaContainer, query: PreCheckoutQuery): Promise<void> {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const payload = decodeInvoicePayload(query.invoice_payload)
  if (!payload) {
    logger.warn(
      `Telegram Stars: pre-checkout query ${query.id} ignored: its payload names no payment session of this store`
    )
    return
  }
  let refusal: string | undefined
  try {
    refusal = await checkQuery(container, query)
  } catch (error) {
    logger.error(
      `Telegram Stars: pre-checkout query ${query.id} could not be checked: ${error instanceof Error ? error.message : String(error)}`
    )
    refusal = REFUSAL.unavailable
  }
  if (refusal) {
    logger.info(`Telegram Stars: pre-checkout query ${query.id} for session ${payload.session_id} refused: ${refusal}`)
  }
  await starsPlugin(container).client.answerPreCheckoutQuery(
    refusal
      ? { pre_checkout_query_id: query.id, ok: false, error_message: refusal }
      : { pre_checkout_query_id: query.id, ok: true }
  )
}

async function checkQuery(container: MedusaContainer, query: PreCheckoutQuery): Promise<string | undefined> {
  if (query.currency !== STARS_CURRENCY) {
    return REFUSAL.currency
  }
  const payload = decodeInvoicePayload(query.invoice_payload)!
  const graph = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: sessions }, { data: orders }] = await Promise.all([
    graph.graph({
      entity: "payment_session",
      fields: ["id", "status", "provider_id", "amount", "payment_collection_id", "data"],
      filters: { id: payload.session_id },
    }),
    graph.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: payload.cart_id } }),
  ])
  const session = (sessions as SessionRow[])[0]
  if (
    !session ||
    session.provider_id !== STARS_PROVIDER_ID ||
    session.data?.invoice_payload !== query.invoice_payload
  ) {
    return REFUSAL.unknown
  }
  if (orders.length || session.data?.telegram_payment_charge_id) {
    return REFUSAL.paid
  }
  if (session.status !== PaymentSessionStatus.PENDING) {
    return REFUSAL.unknown
  }
  const price = await currentStarsPrice(container, payload.cart_id)
  if (!price) {
    return REFUSAL.changed
  }
  const asked = session.data?.stars_amount
  if (query.total_amount !== asked || price.stars !== asked || !MathBN.eq(price.total, session.amount)) {
    return REFUSAL.changed
  }
  return undefined
}

/** The cart's Stars price now, or `undefined` when it can no longer be paid in Stars (its currency changed). */
async function currentStarsPrice(container: MedusaContainer, cartId: string) {
  const cart = await loadCartForStars(container, cartId)
  try {
    return starsPriceOf(cart, starsPlugin(container).options.rubPerStar)
  } catch (error) {
    if (error instanceof MedusaError) {
      return undefined
    }
    throw error
  }
}
