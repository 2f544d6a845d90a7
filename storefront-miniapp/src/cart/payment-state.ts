/**
 * What the order status page shows, read from the cart as the store API returns it: the cart
 * is an order, its newest Yookassa payment is still to be paid, or it was declined (and why).
 */
export const YOOKASSA_PROVIDER_ID = "pp_yookassa_yookassa"

export interface CartPaymentSession {
  id: string
  provider_id: string
  status: string
  created_at?: string | Date | null
  data?: {
    status?: string
    confirmation_url?: string
    confirmation_token?: string
    cancellation_details?: { party?: string; reason?: string }
  } | null
}

export interface CartForPayment {
  id: string
  completed_at?: string | Date | null
  payment_collection?: { payment_sessions?: CartPaymentSession[] | null } | null
}

export type PaymentState =
  | { kind: "completed" }
  | { kind: "unpaid" }
  | { kind: "pending"; confirmationUrl?: string; confirmationToken?: string }
  | { kind: "paid" }
  | { kind: "declined"; reason: DeclineReason }

export const DECLINE_REASONS = [
  "insufficient_funds",
  "card_expired",
  "3d_secure_failed",
  "expired_on_confirmation",
  "canceled_by_merchant",
  "fraud_suspected",
  "call_issuer",
  "permission_revoked",
] as const
export type DeclineReason = (typeof DECLINE_REASONS)[number] | "general"

/** Yookassa's `cancellation_details.reason`, narrowed to the ones the shopper gets explained. */
export function declineReason(reason: string | undefined): DeclineReason {
  return (DECLINE_REASONS as readonly string[]).includes(reason ?? "") ? (reason as DeclineReason) : "general"
}

export function newestYookassaSession(all: CartPaymentSession[]): CartPaymentSession | undefined {
  const sessions = all.filter((session) => session.provider_id === YOOKASSA_PROVIDER_ID)
  return sessions.sort((a, b) => new Date(b.created_at ?? 0).getTime() - new Date(a.created_at ?? 0).getTime())[0]
}

export function paymentState(cart: CartForPayment): PaymentState {
  if (cart.completed_at) return { kind: "completed" }
  const session = newestYookassaSession(cart.payment_collection?.payment_sessions ?? [])
  if (!session) return { kind: "unpaid" }
  const gateway = session.data?.status
  if (session.status === "canceled" || session.status === "error" || gateway === "canceled") {
    return { kind: "declined", reason: declineReason(session.data?.cancellation_details?.reason) }
  }
  if (session.status === "authorized" || session.status === "captured" || gateway === "succeeded" || gateway === "waiting_for_capture") {
    return { kind: "paid" }
  }
  return {
    kind: "pending",
    confirmationUrl: session.data?.confirmation_url,
    confirmationToken: session.data?.confirmation_token,
  }
}

/** Both answers the payment-session route gives for a cart that is already an order (after the lead's change) name it. */
export function isAlreadyOrderedMessage(message: string): boolean {
  return /\border\b/i.test(message) && /(already|paid|placed|completed)/i.test(message)
}
