import { MathBN } from "@medusajs/framework/utils"
import type { YookassaPayment } from "../client"
import { GATEWAY_DECIMALS, toMinor } from "../utils/amount"
import type { MedusaPaymentFacts, PaymentFacts } from "./payment-facts"

/**
 * What to do with a Yookassa payment, given what Medusa holds for it. Money moves only on
 * `orphan` (at Yookassa: nothing in Medusa owns it) and `extra` (through Medusa's refund
 * flow: a Medusa payment that no order needs). Each verdict names its proof.
 */
export type Verdict =
  /** Nothing is held at Yookassa: pending, canceled, or refunded in full. */
  | { kind: "nothing_held" }
  /** An order owns this payment: never touched here (refunds are the merchant's). */
  | { kind: "owned"; order_id: string }
  /** The session is live and its cart not yet an order: Medusa's flow completes it. */
  | { kind: "in_progress" }
  /** A Medusa payment exists but its cart is not an order (yet): completion is pending. */
  | { kind: "unplaced"; payment_id: string }
  /** No Medusa payment references it and no order needs it: give it back at Yookassa. */
  | { kind: "orphan"; proof: string }
  /** A Medusa payment that no order needs: give it back through Medusa's refund flow. */
  | { kind: "extra"; payment: MedusaPaymentFacts; order_id?: string; proof: string }

export function holdsMoney(payment: YookassaPayment): boolean {
  if (payment.status === "waiting_for_capture") {
    return true
  }
  return (
    payment.status === "succeeded" && toMinor(payment.refunded_amount?.value ?? "0") < toMinor(payment.amount.value)
  )
}

/**
 * Medusa still counts money on it: authorized (not canceled) or captured and not all refunded.
 * Held is compared in kopecks, as Medusa compares: a 37 786.631 capture refunded by the
 * 37 786.63 Yookassa gave back holds 0.001, which is nothing (and a refund of 37 786.631 on a
 * 37 786.63 capture leaves -0.001, nothing too).
 */
function counts(payment: MedusaPaymentFacts): boolean {
  return !payment.canceled_at && (!payment.captured || MathBN.convert(payment.held, GATEWAY_DECIMALS).gt(0))
}

function earlier(a: MedusaPaymentFacts, b: MedusaPaymentFacts): boolean {
  return a.created_at < b.created_at || (a.created_at === b.created_at && a.id < b.id)
}

/**
 * @param completionRefusal why Medusa refused to complete the payment's cart, if it just did:
 *   the cart can never become an order as it is, so money taken for it goes back.
 */
export function decide(payment: YookassaPayment, facts: PaymentFacts, completionRefusal?: string): Verdict {
  if (!holdsMoney(payment)) {
    return { kind: "nothing_held" }
  }
  const own = facts.medusaPayment
  if (facts.order) {
    const mine = own && facts.order.payments.find((entry) => entry.id === own.id)
    if (!mine) {
      return { kind: "orphan", proof: `its cart is order ${facts.order.id}, which no Medusa payment of it pays` }
    }
    const before = facts.order.payments.find((entry) => entry.id !== mine.id && counts(entry) && earlier(entry, mine))
    if (before && counts(mine)) {
      return {
        kind: "extra",
        payment: mine,
        order_id: facts.order.id,
        proof: `order ${facts.order.id} was already paid by payment ${before.id}`,
      }
    }
    return { kind: "owned", order_id: facts.order.id }
  }
  if (own) {
    if (own.canceled_at) {
      return { kind: "orphan", proof: `Medusa canceled payment ${own.id} and its cart has no order` }
    }
    if (completionRefusal) {
      return { kind: "extra", payment: own, proof: `its cart cannot become an order: ${completionRefusal}` }
    }
    if (!facts.sessionLive) {
      // Medusa completes a cart only through a live session: this payment can never pay for it.
      return { kind: "extra", payment: own, proof: "its session is gone and its cart has no order" }
    }
    return { kind: "unplaced", payment_id: own.id }
  }
  if (facts.sessionLive) {
    return { kind: "in_progress" }
  }
  return { kind: "orphan", proof: "its session was replaced and its cart has no order" }
}
