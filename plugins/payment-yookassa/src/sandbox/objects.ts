import { rub } from "./money"
import type { ConfirmationInput } from "./validation"
import type {
  AuthorizationDetails,
  BankCardPaymentMethod,
  CancellationDetails,
  Confirmation,
  PaymentStatus,
  Receipt,
  ReceiptRegistration,
  SandboxPayment,
  SandboxRefund,
} from "./types"

/** What the sandbox knows about a payment; rendered into Yookassa's payment object on every read. */
export type PaymentRecord = {
  id: string
  status: PaymentStatus
  amountKopecks: number
  capture: boolean
  description?: string
  metadata: Record<string, string>
  confirmation: ConfirmationInput
  createdAt: string
  capturedAt?: string
  expiresAt?: string
  paymentMethod?: BankCardPaymentMethod
  authorization?: AuthorizationDetails
  cancellation?: CancellationDetails
  refundedKopecks: number
  receipt?: Receipt
  receiptRegistration?: ReceiptRegistration
}

export type RenderContext = { shopId: string; publicUrl: string }

// Yookassa's fee, so income_amount looks like production's (amount minus commission).
const COMMISSION_PERCENT = 3.5
// The sandbox's single gateway (Yookassa's "subaccount"), as in the documented examples.
const GATEWAY_ID = "100700"

export function renderPayment(record: PaymentRecord, context: RenderContext): SandboxPayment {
  const paid = record.status === "waiting_for_capture" || record.status === "succeeded"
  const succeeded = record.status === "succeeded"
  return structuredClone({
    id: record.id,
    status: record.status,
    paid,
    amount: rub(record.amountKopecks),
    ...(paid ? { income_amount: rub(record.amountKopecks - commission(record.amountKopecks)) } : {}),
    ...(record.authorization ? { authorization_details: record.authorization } : {}),
    ...(record.capturedAt ? { captured_at: record.capturedAt } : {}),
    created_at: record.createdAt,
    ...(record.description !== undefined ? { description: record.description } : {}),
    ...(record.expiresAt ? { expires_at: record.expiresAt } : {}),
    metadata: record.metadata,
    ...(record.paymentMethod ? { payment_method: record.paymentMethod } : {}),
    recipient: { account_id: context.shopId, gateway_id: GATEWAY_ID },
    refundable: succeeded && record.refundedKopecks < record.amountKopecks,
    ...(succeeded ? { refunded_amount: rub(record.refundedKopecks) } : {}),
    test: true as const,
    // Documented as present only while the payment waits for the shopper's confirmation.
    ...(record.status === "pending" ? { confirmation: renderConfirmation(record, context) } : {}),
    ...(record.receiptRegistration ? { receipt_registration: record.receiptRegistration } : {}),
    ...(record.cancellation ? { cancellation_details: record.cancellation } : {}),
    ...(record.receipt ? { receipt: record.receipt } : {}),
  })
}

/** The object as Yookassa sends it: without the sandbox-only receipt. */
export function apiObject<T extends SandboxPayment | SandboxRefund>(object: T): Omit<T, "receipt"> {
  const { receipt: _receipt, ...body } = object
  return body
}

export function confirmationUrl(paymentId: string, publicUrl: string): string {
  return `${publicUrl}/checkout/${paymentId}`
}

function renderConfirmation(record: PaymentRecord, context: RenderContext): Confirmation {
  const locale = record.confirmation.locale ? { locale: record.confirmation.locale } : {}
  if (record.confirmation.type === "embedded") {
    return { type: "embedded", confirmation_token: `ct-${record.id}`, ...locale }
  }
  return {
    type: "redirect",
    return_url: record.confirmation.returnUrl,
    confirmation_url: confirmationUrl(record.id, context.publicUrl),
    ...locale,
  }
}

function commission(kopecks: number): number {
  return Math.round((kopecks * COMMISSION_PERCENT) / 100)
}
