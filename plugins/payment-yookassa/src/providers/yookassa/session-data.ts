import type { YookassaPayment, YookassaReceipt } from "../../client/types"

export type RecordedRefund = { id: string; amount: string; created_at: string; source: "medusa" | "yookassa" }

/** What a Yookassa payment session keeps in Medusa (`payment_session.data`, then `payment.data`). */
export type YookassaSessionData = {
  /** Set by Medusa's payment module. */
  session_id?: string
  /** Set by the plugin's middleware from the cart, never by the client. */
  cart_id?: string
  description?: string
  receipt?: YookassaReceipt
  /** The Yookassa payment. */
  id?: string
  status?: YookassaPayment["status"]
  paid?: boolean
  test?: boolean
  amount?: YookassaPayment["amount"]
  confirmation_url?: string
  confirmation_token?: string
  cancellation_details?: YookassaPayment["cancellation_details"]
  receipt_registration?: YookassaPayment["receipt_registration"]
  refunds?: RecordedRefund[]
}

/** The session data after the API told us the payment's state. */
export function withPayment(data: YookassaSessionData, payment: YookassaPayment): YookassaSessionData {
  return {
    ...data,
    id: payment.id,
    status: payment.status,
    paid: payment.paid,
    test: payment.test,
    amount: payment.amount,
    ...(payment.confirmation?.confirmation_url ? { confirmation_url: payment.confirmation.confirmation_url } : {}),
    ...(payment.confirmation?.confirmation_token
      ? { confirmation_token: payment.confirmation.confirmation_token }
      : {}),
    ...(payment.cancellation_details ? { cancellation_details: payment.cancellation_details } : {}),
    ...(payment.receipt_registration ? { receipt_registration: payment.receipt_registration } : {}),
  }
}
