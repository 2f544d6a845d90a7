import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { STARS_PROVIDER_ID } from "../../providers/telegram-stars/options"
import type { StarsSessionData } from "../../providers/telegram-stars/session-data"
import type { StarsCharge } from "./charge"

type Amounts = ({ amount: BigNumberInput } | null)[] | null | undefined

/** A Medusa payment as far as settling needs it: who it is, and the money it still holds. */
export type MedusaPaymentFacts = {
  id: string
  created_at: string
  canceled_at: string | null
  captured: boolean
  /** Captured minus refunded. */
  held: string
  charge_id: string | undefined
}

export type ChargeFacts = {
  /** The Medusa payment made from this charge's session, if it records this charge. */
  medusaPayment: MedusaPaymentFacts | undefined
  /** The order the cart became, with the payments of its collections. */
  order: { id: string; payments: MedusaPaymentFacts[] } | undefined
  /** The session, if it still exists. */
  session:
    | { id: string; status: string; provider_id: string; amount: number; currency_code: string; data: StarsSessionData }
    | undefined
}

type PaymentRow = {
  id: string
  created_at: string | Date
  canceled_at?: string | Date | null
  data?: StarsSessionData | null
  captures?: Amounts
  refunds?: Amounts
}

const PAYMENT_FIELDS = ["id", "created_at", "canceled_at", "data", "captures.amount", "refunds.amount"]

function sum(amounts: Amounts) {
  return MathBN.sum(0, ...(amounts ?? []).flatMap((entry) => (entry ? [entry.amount] : [])))
}

function toFacts(row: PaymentRow): MedusaPaymentFacts {
  return {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    canceled_at: row.canceled_at ? new Date(row.canceled_at).toISOString() : null,
    captured: (row.captures ?? []).length > 0,
    held: MathBN.sub(sum(row.captures), sum(row.refunds)).toString(),
    charge_id: row.data?.telegram_payment_charge_id,
  }
}

/** Reads, in three queries, what Medusa holds for a Stars charge: its payment, its cart's order, its session. */
export async function loadChargeFacts(container: MedusaContainer, charge: StarsCharge): Promise<ChargeFacts> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: payments }, { data: sessions }, { data: orders }] = await Promise.all([
    query.graph({ entity: "payment", fields: PAYMENT_FIELDS, filters: { payment_session_id: charge.session_id } }),
    query.graph({
      entity: "payment_session",
      fields: ["id", "status", "provider_id", "amount", "currency_code", "data"],
      filters: { id: charge.session_id },
    }),
    query.graph({
      entity: "order_cart",
      fields: ["order.id", ...PAYMENT_FIELDS.map((field) => `order.payment_collections.payments.${field}`)],
      filters: { cart_id: charge.cart_id },
    }),
  ])
  const own = (payments as PaymentRow[]).find((row) => row.data?.telegram_payment_charge_id === charge.charge_id)
  type OrderRow = {
    order?: { id: string; payment_collections?: ({ payments?: (PaymentRow | null)[] | null } | null)[] | null } | null
  }
  const order = (orders as OrderRow[])[0]?.order ?? undefined
  const session = (sessions as NonNullable<ChargeFacts["session"]>[])[0]
  return {
    medusaPayment: own ? toFacts(own) : undefined,
    order: order
      ? {
          id: order.id,
          payments: (order.payment_collections ?? [])
            .flatMap((collection) => collection?.payments ?? [])
            .flatMap((row) => (row ? [toFacts(row)] : [])),
        }
      : undefined,
    session: session?.provider_id === STARS_PROVIDER_ID ? { ...session, data: session.data ?? {} } : undefined,
  }
}
