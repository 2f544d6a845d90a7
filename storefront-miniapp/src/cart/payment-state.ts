/**
 * What the order status page shows, read from the cart as the store API returns it: the cart
 * is an order, its newest payment (Yookassa or Telegram Stars) is still to be paid, or it was
 * declined (and why).
 */
export const YOOKASSA_PROVIDER_ID = "pp_yookassa_yookassa"
export const STARS_PROVIDER_ID = "pp_telegram-stars_telegram-stars"
const PAYMENT_PROVIDERS = [YOOKASSA_PROVIDER_ID, STARS_PROVIDER_ID]

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
    /** Telegram Stars: the invoice the Mini App opens, its price, and the charge once paid. */
    invoice_link?: string
    stars_amount?: number
    telegram_payment_charge_id?: string
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
  | { kind: "pending"; confirmationUrl?: string; confirmationToken?: string; invoiceLink?: string }
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

/** The newest session of `providers` (by default, every provider the Mini App pays with). */
export function newestSession(
  all: CartPaymentSession[],
  providers: string[] = PAYMENT_PROVIDERS
): CartPaymentSession | undefined {
  const sessions = all.filter((session) => providers.includes(session.provider_id))
  return sessions.sort((a, b) => new Date(b.created_at ?? 0).getTime() - new Date(a.created_at ?? 0).getTime())[0]
}

export function paymentState(cart: CartForPayment): PaymentState {
  if (cart.completed_at) return { kind: "completed" }
  const session = newestSession(cart.payment_collection?.payment_sessions ?? [])
  if (!session) return { kind: "unpaid" }
  if (session.provider_id === STARS_PROVIDER_ID) return starsState(session)
  const gateway = session.data?.status
  if (session.status === "canceled" || session.status === "error" || gateway === "canceled") {
    return { kind: "declined", reason: declineReason(session.data?.cancellation_details?.reason) }
  }
  if (
    session.status === "authorized" ||
    session.status === "captured" ||
    gateway === "succeeded" ||
    gateway === "waiting_for_capture"
  ) {
    return { kind: "paid" }
  }
  return {
    kind: "pending",
    confirmationUrl: session.data?.confirmation_url,
    confirmationToken: session.data?.confirmation_token,
  }
}

/** A Stars session is paid once Telegram's charge is recorded on it; it is never declined by a bank. */
function starsState(session: CartPaymentSession): PaymentState {
  if (session.status === "authorized" || session.status === "captured" || session.data?.telegram_payment_charge_id) {
    return { kind: "paid" }
  }
  return { kind: "pending", invoiceLink: session.data?.invoice_link }
}

/**
 * A Stars invoice this app opened for the cart may be paid while Telegram's update is still on its
 * way: a new payment session would replace the one being paid (its charge then refunded, the
 * shopper asked again), so the checkout sends the shopper to the status page instead, where the
 * same invoice can be reopened (a cancelled one leads to Pay again).
 */
export function starsInvoiceInFlight(cart: CartForPayment, payingCartId: string | undefined): boolean {
  const state = paymentState(cart)
  return payingCartId === cart.id && state.kind === "pending" && Boolean(state.invoiceLink)
}

/** Both answers the payment-session route gives for a cart that is already an order (after the lead's change) name it. */
export function isAlreadyOrderedMessage(message: string): boolean {
  return /\border\b/i.test(message) && /(already|paid|placed|completed)/i.test(message)
}
