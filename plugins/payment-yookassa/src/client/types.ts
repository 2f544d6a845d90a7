/** The subset of Yookassa API v3 objects this plugin reads and writes (yookassa.ru/developers/api). */

export type YookassaAmount = { value: string; currency: string }

export type YookassaPaymentStatus = "pending" | "waiting_for_capture" | "succeeded" | "canceled"

export type YookassaReceiptItem = {
  description: string
  quantity: string | number
  amount: YookassaAmount
  vat_code: number
  payment_subject?: string
  payment_mode?: string
}

export type YookassaReceipt = {
  customer: { email?: string; phone?: string; full_name?: string }
  items: YookassaReceiptItem[]
  tax_system_code?: number
}

export type YookassaConfirmationRequest =
  { type: "redirect"; return_url: string; locale?: string } | { type: "embedded"; locale?: string }

export type YookassaConfirmation = {
  type: "redirect" | "embedded"
  confirmation_url?: string
  confirmation_token?: string
  return_url?: string
}

export type YookassaCancellationDetails = { party: string; reason: string }

export type YookassaPayment = {
  id: string
  status: YookassaPaymentStatus
  paid: boolean
  amount: YookassaAmount
  income_amount?: YookassaAmount
  refunded_amount?: YookassaAmount
  description?: string
  created_at: string
  captured_at?: string
  expires_at?: string
  confirmation?: YookassaConfirmation
  test: boolean
  refundable: boolean
  metadata?: Record<string, string>
  payment_method?: { type: string; id: string; saved?: boolean; title?: string }
  cancellation_details?: YookassaCancellationDetails
  receipt_registration?: "pending" | "succeeded" | "canceled"
}

export type CreatePaymentRequest = {
  amount: YookassaAmount
  capture: boolean
  confirmation: YookassaConfirmationRequest
  description?: string
  metadata?: Record<string, string>
  receipt?: YookassaReceipt
}

export type YookassaRefund = {
  id: string
  payment_id: string
  status: "pending" | "succeeded" | "canceled"
  amount: YookassaAmount
  created_at: string
  description?: string
  receipt_registration?: "pending" | "succeeded" | "canceled"
}

export type CreateRefundRequest = {
  payment_id: string
  amount: YookassaAmount
  description?: string
  receipt?: YookassaReceipt
}

export type YookassaList<T> = { type: "list"; items: T[]; next_cursor?: string }

export type ListPaymentsQuery = {
  "created_at.gte"?: string
  status?: YookassaPaymentStatus
  limit?: number
  cursor?: string
}

export type ListRefundsQuery = {
  "created_at.gte"?: string
  status?: YookassaRefund["status"]
  limit?: number
  cursor?: string
}

export type YookassaNotificationEvent =
  "payment.succeeded" | "payment.waiting_for_capture" | "payment.canceled" | "refund.succeeded"

/** Yookassa's error body: `{ type: "error", id, code, description, parameter }`. */
export type YookassaErrorBody = {
  type: "error"
  id?: string
  code: string
  description?: string
  parameter?: string
}
