import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { NOT_GRANTING } from "./ownership"

type Amounts = ({ amount: BigNumberInput } | null)[] | null | undefined

/** An order's payments as query.graph returns them with {@link ORDER_PAYMENT_FIELDS}. */
export type OrderPayments = {
  payment_collections?: ({ payments?: ({ captures?: Amounts; refunds?: Amounts } | null)[] | null } | null)[] | null
}

export type OrderForGrant = OrderPayments & {
  id: string
  status: string
  customer_id?: string | null
  items?: ({ id: string; product_id?: string | null; total?: BigNumberInput | null } | null)[] | null
}

export const ORDER_PAYMENT_FIELDS = [
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.refunds.amount",
]

export const ORDER_FOR_GRANT_FIELDS = [
  "id",
  "status",
  "customer_id",
  // The order module computes line totals only when the order's total is asked for too.
  "total",
  "items.id",
  "items.product_id",
  "items.total",
  ...ORDER_PAYMENT_FIELDS,
]

function sum(amounts: Amounts) {
  return MathBN.sum(0, ...(amounts ?? []).flatMap((entry) => (entry ? [entry.amount] : [])))
}

/** Money captured and refunded over all the order's payments (an authorization counts for nothing). */
export function paymentTotals(order: OrderPayments) {
  const payments = (order.payment_collections ?? []).flatMap((collection) => collection?.payments ?? [])
  return {
    captured: MathBN.sum(0, ...payments.map((payment) => sum(payment?.captures))),
    refunded: MathBN.sum(0, ...payments.map((payment) => sum(payment?.refunds))),
  }
}

/** Something was captured and all of it went back. */
export function isFullyRefunded(order: OrderPayments): boolean {
  const { captured, refunded } = paymentTotals(order)
  return MathBN.gt(captured, 0) && MathBN.lte(MathBN.sub(captured, refunded), 0)
}

/**
 * The course lines the money kept (captured minus refunded) pays for, cheapest first, so a
 * free line (a free course, a 100 % promotion) is always covered and an order only
 * authorized covers nothing else.
 */
export function coveredLines(order: OrderForGrant): { id: string; product_id: string }[] {
  if (NOT_GRANTING.has(order.status) || !order.customer_id) {
    return []
  }
  const { captured, refunded } = paymentTotals(order)
  let left = MathBN.sub(captured, refunded)
  const lines = (order.items ?? [])
    // A line whose total is unknown is never taken as free.
    .flatMap((item) =>
      item?.product_id && item.total !== undefined && item.total !== null
        ? [{ id: item.id, product_id: item.product_id, total: item.total }]
        : []
    )
    .sort((a, b) => (MathBN.lt(a.total, b.total) ? -1 : MathBN.gt(a.total, b.total) ? 1 : 0))
  const covered: { id: string; product_id: string }[] = []
  for (const line of lines) {
    if (MathBN.gt(line.total, left)) {
      break
    }
    covered.push({ id: line.id, product_id: line.product_id })
    left = MathBN.sub(left, line.total)
  }
  return covered
}
