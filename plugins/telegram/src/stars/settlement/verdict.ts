import { MathBN, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { StarsCharge } from "./charge"
import type { ChargeFacts, MedusaPaymentFacts } from "./charge-facts"

/**
 * What to do with a Stars charge, given what Medusa holds for it. Money moves only on
 * `orphan` (at Telegram: nothing in Medusa owns it) and `extra` (through Medusa's refund
 * flow: a Medusa payment no order needs). Each verdict names its proof.
 */
export type Verdict =
  /** Medusa gave this charge back in full already (Telegram refunds a charge once, whole). */
  | { kind: "nothing_held"; payment_id: string }
  /** An order owns this charge: never touched here (refunds are the merchant's). */
  | { kind: "owned"; order_id: string }
  /** The session is live, unpaid and asks for these Stars: Medusa's flow completes it. */
  | { kind: "in_progress" }
  /** A Medusa payment records it but its cart is not an order (yet). */
  | { kind: "unplaced"; payment_id: string }
  /** No Medusa payment records it and no order needs it: refund it at Telegram. */
  | { kind: "orphan"; proof: string }
  /** A Medusa payment no order needs: refund it through Medusa's refund flow. */
  | { kind: "extra"; payment: MedusaPaymentFacts; order_id?: string; proof: string }

function counts(payment: MedusaPaymentFacts): boolean {
  return !payment.canceled_at && (!payment.captured || MathBN.gt(payment.held, 0))
}

function refundedInFull(payment: MedusaPaymentFacts): boolean {
  return payment.captured && !MathBN.gt(payment.held, 0)
}

function earlier(a: MedusaPaymentFacts, b: MedusaPaymentFacts): boolean {
  return a.created_at < b.created_at || (a.created_at === b.created_at && a.id < b.id)
}

/** Why the live session cannot take this charge, or undefined when it can. */
function sessionRefusal(charge: StarsCharge, session: ChargeFacts["session"]): string | undefined {
  if (!session) {
    return "its session no longer exists"
  }
  const paidBy = session.data.telegram_payment_charge_id
  if (paidBy && paidBy !== charge.charge_id) {
    return `its session was already paid by charge ${paidBy}`
  }
  if (session.status !== PaymentSessionStatus.PENDING && !paidBy) {
    return `its session is ${session.status}`
  }
  if (session.data.stars_amount !== charge.stars || session.data.cart_id !== charge.cart_id) {
    return `it paid ${charge.stars} Stars but its session asks for ${session.data.stars_amount}`
  }
  return undefined
}

/**
 * @param completionRefusal why Medusa refused to complete the cart, if it just did: the cart
 *   can never become an order as it is, so Stars taken for it go back.
 */
export function decide(charge: StarsCharge, facts: ChargeFacts, completionRefusal?: string): Verdict {
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
    if (refundedInFull(own)) {
      return { kind: "nothing_held", payment_id: own.id }
    }
    if (completionRefusal) {
      return { kind: "extra", payment: own, proof: `its cart cannot become an order: ${completionRefusal}` }
    }
    if (!facts.session) {
      // Medusa completes a cart only through a live session: this payment can never pay for it.
      return { kind: "extra", payment: own, proof: "its session is gone and its cart has no order" }
    }
    return { kind: "unplaced", payment_id: own.id }
  }
  const refusal = sessionRefusal(charge, facts.session)
  return refusal ? { kind: "orphan", proof: `${refusal} and its cart has no order` } : { kind: "in_progress" }
}
