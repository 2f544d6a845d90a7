import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { YookassaPayment } from "../client"

type Amounts = ({ amount: BigNumberInput } | null)[] | null | undefined

/** A Medusa payment as far as settling needs it: who it is, and the money it still holds. */
export type MedusaPaymentFacts = {
  id: string
  created_at: string
  canceled_at: string | null
  payment_collection_id: string
  /** Yookassa's payment id, from the payment's data. */
  yookassa_id: string | undefined
  captured: boolean
  /** Captured minus refunded. */
  held: string
}

/** What Medusa knows about one Yookassa payment: everything the verdict is drawn from. */
export type PaymentFacts = {
  /** The Medusa payment made from this Yookassa payment's session, if one was. */
  medusaPayment: MedusaPaymentFacts | undefined
  /** The order the payment's cart became, with the payments of its collections. */
  order: { id: string; display_id?: number; status: string; payments: MedusaPaymentFacts[] } | undefined
  /** The session still exists and still points at this Yookassa payment. */
  sessionLive: boolean
}

type PaymentRow = {
  id: string
  created_at: string | Date
  canceled_at?: string | Date | null
  payment_collection_id: string
  data?: { id?: string } | null
  captures?: Amounts
  refunds?: Amounts
}

const PAYMENT_FIELDS = [
  "id",
  "created_at",
  "canceled_at",
  "payment_collection_id",
  "data",
  "captures.amount",
  "refunds.amount",
]

function sum(amounts: Amounts) {
  return MathBN.sum(0, ...(amounts ?? []).flatMap((entry) => (entry ? [entry.amount] : [])))
}

function toFacts(row: PaymentRow): MedusaPaymentFacts {
  const captured = sum(row.captures)
  return {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    canceled_at: row.canceled_at ? new Date(row.canceled_at).toISOString() : null,
    payment_collection_id: row.payment_collection_id,
    yookassa_id: row.data?.id,
    captured: (row.captures ?? []).length > 0,
    held: MathBN.sub(captured, sum(row.refunds)).toString(),
  }
}

/**
 * Reads, in three queries, what Medusa holds for a Yookassa payment: the payment its
 * session became, the order of its cart and that order's payments, and whether the
 * session is still live. `metadata.session_id` and `cart_id` were written by this plugin
 * when the payment was created, and Yookassa keeps them: no client ever sets them.
 */
export async function loadPaymentFacts(container: MedusaContainer, payment: YookassaPayment): Promise<PaymentFacts> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const sessionId = payment.metadata?.session_id
  const cartId = payment.metadata?.cart_id

  const [{ data: payments }, { data: sessions }, { data: orders }] = await Promise.all([
    sessionId
      ? query.graph({ entity: "payment", fields: PAYMENT_FIELDS, filters: { payment_session_id: sessionId } })
      : Promise.resolve({ data: [] }),
    sessionId
      ? query.graph({ entity: "payment_session", fields: ["id", "data", "deleted_at"], filters: { id: sessionId } })
      : Promise.resolve({ data: [] }),
    cartId
      ? query.graph({
          entity: "order_cart",
          fields: [
            "order.id",
            "order.display_id",
            "order.status",
            ...PAYMENT_FIELDS.map((field) => `order.payment_collections.payments.${field}`),
          ],
          filters: { cart_id: cartId },
        })
      : Promise.resolve({ data: [] }),
  ])

  const own = (payments as PaymentRow[]).find((row) => row.data?.id === payment.id)
  type OrderRow = {
    order?: {
      id: string
      display_id?: number
      status: string
      payment_collections?: ({ payments?: (PaymentRow | null)[] | null } | null)[] | null
    } | null
  }
  const order = (orders as OrderRow[])[0]?.order ?? undefined
  return {
    medusaPayment: own ? toFacts(own) : undefined,
    order: order
      ? {
          id: order.id,
          display_id: order.display_id,
          status: order.status,
          payments: (order.payment_collections ?? [])
            .flatMap((collection) => collection?.payments ?? [])
            .flatMap((row) => (row ? [toFacts(row)] : [])),
        }
      : undefined,
    // A deleted session can still be read by its id: it is not live.
    sessionLive: (sessions as Array<{ data?: { id?: string } | null; deleted_at?: unknown }>).some(
      (session) => session.data?.id === payment.id && !session.deleted_at
    ),
  }
}
