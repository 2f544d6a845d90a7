import { invalidRequest, notFound } from "./errors"
import { digits, newPaymentId, newRefundId } from "./ids"
import { formatKopecks, rub } from "./money"
import { apiObject, renderPayment, type PaymentRecord, type RenderContext } from "./objects"
import type {
  BankCardPaymentMethod,
  CancellationDetails,
  NotificationEvent,
  SandboxLogger,
  SandboxPayment,
  SandboxRefund,
} from "./types"
import { assertReceiptTotal, type CaptureInput, type CreatePaymentInput, type CreateRefundInput } from "./validation"

export type LedgerEventListener = (
  event: NotificationEvent,
  object: Omit<SandboxPayment, "receipt"> | Omit<SandboxRefund, "receipt">
) => void

/** What the confirmation page shows: the payment and where the shopper goes back to (redirect confirmations). */
export type Checkout = { payment: SandboxPayment; returnUrl?: string }

/** The outcome of Pay or Decline: `changed` is false when the payment was no longer pending. */
export type ShopperAction = Checkout & { changed: boolean }

// Yookassa gives from 2 hours to 7 days to capture a card payment; 7 days as for bank cards.
const CAPTURE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000
// A decline as the card network reports one (documented cancellation reason).
const DECLINE: CancellationDetails = { party: "payment_network", reason: "insufficient_funds" }
const MERCHANT_CANCEL: CancellationDetails = { party: "merchant", reason: "canceled_by_merchant" }

/**
 * The sandbox's books: payments and refunds with Yookassa's status rules
 * (pending → waiting_for_capture | succeeded | canceled; waiting_for_capture → succeeded | canceled;
 * refunds of succeeded payments up to what is left). Every status change is reported to `onEvent`,
 * which sends the notification.
 */
export class Ledger {
  private readonly paymentRecords = new Map<string, PaymentRecord>()
  private readonly refundRecords: SandboxRefund[] = []

  constructor(
    private readonly context: RenderContext,
    private readonly onEvent: LedgerEventListener,
    private readonly logger: SandboxLogger
  ) {}

  createPayment(input: CreatePaymentInput): SandboxPayment {
    const record: PaymentRecord = {
      id: newPaymentId(),
      status: "pending",
      amountKopecks: input.amountKopecks,
      capture: input.capture,
      description: input.description,
      metadata: input.metadata,
      confirmation: input.confirmation,
      createdAt: new Date().toISOString(),
      refundedKopecks: 0,
      receipt: input.receipt,
      receiptRegistration: input.receipt ? "pending" : undefined,
    }
    this.paymentRecords.set(record.id, record)
    this.logger.info(`payment ${record.id} created: ${formatKopecks(record.amountKopecks)} RUB, pending`)
    return this.render(record)
  }

  /** The payment, or Yookassa's 404 for an unknown id. */
  getPayment(id: string): SandboxPayment {
    return this.render(this.requirePayment(id))
  }

  checkout(id: string): Checkout {
    const record = this.requirePayment(id)
    return { payment: this.render(record), returnUrl: returnUrl(record) }
  }

  payment(id: string): SandboxPayment | undefined {
    const record = this.paymentRecords.get(id)
    return record && this.render(record)
  }

  payments(): SandboxPayment[] {
    return [...this.paymentRecords.values()].map((record) => this.render(record))
  }

  refund(id: string): SandboxRefund | undefined {
    const refund = this.refundRecords.find((item) => item.id === id)
    return refund && structuredClone(refund)
  }

  refunds(paymentId?: string): SandboxRefund[] {
    return structuredClone(
      this.refundRecords.filter((item) => paymentId === undefined || item.payment_id === paymentId)
    )
  }

  /** The shopper pays with the sandbox's test card. */
  pay(id: string): ShopperAction {
    return this.shopperAction(id, (record) => {
      record.paymentMethod = testCardPaymentMethod(record.id)
      record.authorization = { rrn: digits(12), auth_code: digits(6), three_d_secure: { applied: false } }
      if (record.capture) {
        this.succeed(record)
      } else {
        this.transition(record, "waiting_for_capture")
        record.expiresAt = new Date(Date.now() + CAPTURE_WINDOW_MS).toISOString()
        this.emit("payment.waiting_for_capture", record)
      }
    })
  }

  /** The card network declines the shopper's card. */
  decline(id: string): ShopperAction {
    return this.shopperAction(id, (record) => {
      record.paymentMethod = testCardPaymentMethod(record.id)
      this.cancelRecord(record, DECLINE)
    })
  }

  capture(id: string, input: CaptureInput): SandboxPayment {
    const record = this.requirePayment(id)
    if (record.status !== "waiting_for_capture") {
      throw invalidRequest(
        `Payment ${id} is ${record.status}: only a payment in status waiting_for_capture can be captured`
      )
    }
    const amount = input.amountKopecks ?? record.amountKopecks
    if (amount > record.amountKopecks) {
      throw invalidRequest(
        `The capture amount must not exceed the authorized amount (${formatKopecks(record.amountKopecks)})`,
        "amount.value"
      )
    }
    if (input.receipt) {
      assertReceiptTotal(input.receipt, amount, "capture")
      record.receipt = input.receipt
    } else if (record.receipt && amount < record.amountKopecks) {
      throw invalidRequest(
        "Capturing less than the payment amount needs a new receipt for the captured amount",
        "receipt"
      )
    }
    record.amountKopecks = amount
    this.succeed(record)
    return this.render(record)
  }

  cancel(id: string): SandboxPayment {
    const record = this.requirePayment(id)
    if (record.status !== "waiting_for_capture") {
      throw invalidRequest(
        `Payment ${id} is ${record.status}: only a payment in status waiting_for_capture can be canceled`
      )
    }
    this.cancelRecord(record, MERCHANT_CANCEL)
    return this.render(record)
  }

  createRefund(input: CreateRefundInput): SandboxRefund {
    const record = this.paymentRecords.get(input.paymentId)
    if (!record) {
      throw invalidRequest(`Payment ${input.paymentId} does not exist`, "payment_id")
    }
    if (record.status !== "succeeded") {
      throw invalidRequest(
        `Payment ${record.id} is ${record.status}: only a payment in status succeeded can be refunded`,
        "payment_id"
      )
    }
    const left = record.amountKopecks - record.refundedKopecks
    if (input.amountKopecks > left) {
      throw invalidRequest(
        `The refund amount exceeds what is left to refund on payment ${record.id} (${formatKopecks(left)})`,
        "amount.value"
      )
    }
    record.refundedKopecks += input.amountKopecks
    const refund: SandboxRefund = {
      id: newRefundId(),
      payment_id: record.id,
      status: "succeeded",
      created_at: new Date().toISOString(),
      amount: rub(input.amountKopecks),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.receipt ? { receipt_registration: "succeeded" as const, receipt: input.receipt } : {}),
    }
    this.refundRecords.push(refund)
    this.logger.info(`refund ${refund.id} of payment ${record.id}: ${refund.amount.value} RUB, succeeded`)
    this.onEvent("refund.succeeded", apiObject(structuredClone(refund)))
    return structuredClone(refund)
  }

  /** What is left to refund on a payment, in kopecks. */
  refundableKopecks(paymentId: string): number {
    const record = this.requirePayment(paymentId)
    return record.amountKopecks - record.refundedKopecks
  }

  private requirePayment(id: string): PaymentRecord {
    const record = this.paymentRecords.get(id)
    if (!record) {
      throw notFound(`Payment ${id} doesn't exist or access denied`, "payment_id")
    }
    return record
  }

  private shopperAction(id: string, act: (record: PaymentRecord) => void): ShopperAction {
    const record = this.requirePayment(id)
    const changed = record.status === "pending"
    if (changed) {
      act(record)
    }
    return { payment: this.render(record), returnUrl: returnUrl(record), changed }
  }

  private succeed(record: PaymentRecord): void {
    this.transition(record, "succeeded")
    record.capturedAt = new Date().toISOString()
    record.expiresAt = undefined
    if (record.receipt) {
      record.receiptRegistration = "succeeded"
    }
    this.emit("payment.succeeded", record)
  }

  private cancelRecord(record: PaymentRecord, cancellation: CancellationDetails): void {
    this.transition(record, "canceled")
    record.cancellation = cancellation
    record.expiresAt = undefined
    if (record.receipt) {
      record.receiptRegistration = "canceled"
    }
    this.emit("payment.canceled", record)
  }

  private transition(record: PaymentRecord, status: PaymentRecord["status"]): void {
    this.logger.info(`payment ${record.id}: ${record.status} → ${status}`)
    record.status = status
  }

  private emit(event: NotificationEvent, record: PaymentRecord): void {
    this.onEvent(event, apiObject(this.render(record)))
  }

  private render(record: PaymentRecord): SandboxPayment {
    return renderPayment(record, this.context)
  }
}

function returnUrl(record: PaymentRecord): string | undefined {
  return record.confirmation.type === "redirect" ? record.confirmation.returnUrl : undefined
}

/** Yookassa's test card 5555 5555 5555 4444 (no 3-D Secure), valid for three more years. */
function testCardPaymentMethod(paymentId: string): BankCardPaymentMethod {
  return {
    type: "bank_card",
    id: paymentId,
    saved: false,
    card: {
      first6: "555555",
      last4: "4444",
      expiry_month: "12",
      expiry_year: String(new Date().getUTCFullYear() + 3),
      card_type: "MasterCard",
      issuer_country: "RU",
      issuer_name: "Sandbox Bank",
    },
    title: "Bank card *4444",
  }
}
