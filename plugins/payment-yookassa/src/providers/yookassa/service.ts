import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { YookassaApiError, type YookassaClient, type YookassaPayment } from "../../client"
import { parseYookassaOptions, PROVIDER_ID, type YookassaOptions } from "../../options"
import { createYookassaClient } from "../../utils/create-client"
import { isZero, toMinor, toYookassaAmount, toYookassaValue } from "../../utils/amount"
import { idempotencyKeys } from "../../utils/idempotency-keys"
import { toSessionStatus, toWebhookAction } from "../../utils/payment-status"
import { receiptTotal } from "../../utils/receipt"
import { gatewayRefundValue } from "../../utils/refund-amount"
import { parseNotification } from "../../utils/notification"
import { adoptDashboardRefund, medusaRefundsFrom, recordRefund, refundRequest } from "./refunds"
import { withPayment, type YookassaSessionData } from "./session-data"
import { sessionStoreFrom, type SessionStore } from "./session-store"

/**
 * Payment provider "yookassa" (Medusa id pp_yookassa_yookassa): maps Medusa's payment
 * provider interface onto Yookassa API v3. Yookassa is asked, never told by a client:
 * every status comes from the API, and what Yookassa is sent was built on the server.
 */
class YookassaProviderService extends AbstractPaymentProvider<YookassaOptions> {
  static identifier = "yookassa"

  protected readonly options_: YookassaOptions
  protected readonly client: YookassaClient
  protected readonly logger: Logger
  protected readonly sessions: SessionStore

  static validateOptions(options: Record<string, unknown>): void {
    parseYookassaOptions(options)
  }

  constructor(container: Record<string, unknown>, options: YookassaOptions) {
    super(container, options)
    this.options_ = parseYookassaOptions(options)
    this.client = createYookassaClient(this.options_)
    this.logger = container.logger as Logger
    this.sessions = sessionStoreFrom(container)
  }

  async initiatePayment({
    amount,
    currency_code,
    data,
    context,
  }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const session = (data ?? {}) as YookassaSessionData
    if (isZero(amount)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A zero total (in kopecks) is not paid through Yookassa: use the system payment provider"
      )
    }
    // Medusa's total keeps full precision (37786.631); Yookassa takes it rounded as Medusa rounds it.
    const value = toYookassaAmount(amount, currency_code)
    if (this.options_.receipts.enabled) {
      if (!session.receipt) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "A Yookassa payment session needs a receipt built from its cart"
        )
      }
      const total = receiptTotal(session.receipt)
      if (total !== value.value) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `The receipt adds up to ${total} but the payment is ${value.value}: refresh the cart and try again`
        )
      }
    }
    const customer = session.receipt?.customer
    const payment = await this.call("create a payment", () =>
      this.client.createPayment(
        {
          amount: value,
          capture: this.options_.captureMode === "one-stage",
          confirmation:
            this.options_.confirmationType === "embedded"
              ? { type: "embedded" }
              : { type: "redirect", return_url: returnUrlFor(this.options_.returnUrl, session.cart_id) },
          description: session.description?.slice(0, 128),
          metadata: compact({
            session_id: session.session_id,
            cart_id: session.cart_id,
            receipt_email: customer?.email,
            receipt_phone: customer?.phone,
          }),
          ...(this.options_.receipts.enabled && session.receipt ? { receipt: session.receipt } : {}),
        },
        context?.idempotency_key ?? session.session_id ?? missingKey("initiatePayment")
      )
    )
    return { id: payment.id, data: withPayment(session, payment), status: toSessionStatus(payment) }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const payment = await this.fetch(data)
    // Given back already (an orphan that was refunded): it can no longer pay for anything.
    const status = isRefundedInFull(payment) ? PaymentSessionStatus.CANCELED : toSessionStatus(payment)
    return { data: withPayment(data as YookassaSessionData, payment), status }
  }

  async capturePayment({ data, context }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const current = await this.fetch(data)
    if (current.status === "succeeded") {
      return { data: withPayment(data as YookassaSessionData, current) }
    }
    if (current.status !== "waiting_for_capture") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Yookassa payment ${current.id} is ${current.status} and cannot be captured`
      )
    }
    const captured = await this.call("capture the payment", () =>
      this.client.capturePayment(
        current.id,
        { amount: current.amount },
        context?.idempotency_key ?? idempotencyKeys.capture(current.id)
      )
    )
    return { data: withPayment(data as YookassaSessionData, captured) }
  }

  async cancelPayment({ data, context }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    if (!(data as YookassaSessionData | undefined)?.id) {
      return { data }
    }
    const current = await this.fetch(data)
    if (current.status === "succeeded") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Yookassa payment ${current.id} has succeeded: refund it instead`
      )
    }
    if (current.status !== "waiting_for_capture") {
      // Canceled already, or pending: Yookassa cancels unpaid payments itself when they expire.
      return { data: withPayment(data as YookassaSessionData, current) }
    }
    const canceled = await this.call("cancel the payment", () =>
      this.client.cancelPayment(current.id, context?.idempotency_key ?? idempotencyKeys.cancel(current.id))
    )
    return { data: withPayment(data as YookassaSessionData, canceled) }
  }

  /**
   * Medusa deletes a session when the cart changes or another one starts, without asking
   * whether an order already owns its payment. So deleting moves no money: a payment that
   * nothing owns is given back by settleYookassaPayment (webhook or reconciliation job),
   * under locks and with proof. Its metadata names the session and cart for that.
   */
  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const session = (data ?? {}) as YookassaSessionData
    if (session.id) {
      this.logger.info(
        `Yookassa payment ${session.id}: its session ${session.session_id} was deleted; settled if it is ever an orphan`
      )
    }
    return { data }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const payment = await this.fetch(data)
    return { data: withPayment(data as YookassaSessionData, payment), status: toSessionStatus(payment) }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const payment = await this.fetch(data)
    return { data: withPayment(data as YookassaSessionData, payment) }
  }

  /** Yookassa cannot change a created payment: only re-read it; a new amount needs a new session. */
  async updatePayment({ data, amount }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const payment = await this.fetch(data)
    if (amount !== undefined && payment.status === "pending" && toYookassaValue(amount) !== payment.amount.value) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The amount of a Yookassa payment cannot change: start a new payment session"
      )
    }
    return { data: withPayment(data as YookassaSessionData, payment), status: toSessionStatus(payment) }
  }

  /**
   * Each Medusa refund is its own Yookassa refund, keyed by the Medusa refund's id (Medusa's
   * idempotency key): two equal refunds are two refunds, a retried one is made once. A refund
   * the plugin created to record a dashboard refund names that Yookassa refund, and exactly
   * that one is adopted instead of refunding again.
   */
  async refundPayment({ data, amount, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = (data ?? {}) as YookassaSessionData
    const medusaRefundId = context?.idempotency_key ?? missingKey("refundPayment")
    const dashboardRefund = await medusaRefundsFrom(this.container).dashboardRefundOf(medusaRefundId)
    if (dashboardRefund) {
      return { data: adoptDashboardRefund(session, dashboardRefund, toYookassaValue(amount)) }
    }
    const payment = await this.fetch(session)
    const value = gatewayRefundValue(amount, payment)
    const refund = await this.call("refund the payment", () =>
      this.client.createRefund(refundRequest(payment, value, medusaRefundId, session, this.options_), medusaRefundId)
    )
    return { data: recordRefund(withPayment(session, payment), refund, "medusa") }
  }

  /**
   * Yookassa's notifications are not signed: the body only names a payment, which is then
   * re-read from the API. Only a payment of a live session is handed to Medusa's flow;
   * anything else is settleYookassaPayment's (which called this), never moved here.
   */
  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const notification = parseNotification(payload.data)
    if (!notification) {
      this.logger.warn("Yookassa webhook ignored: not a Yookassa notification")
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    if (!notification.event.startsWith("payment.")) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }

    let payment: YookassaPayment
    try {
      payment = await this.client.getPayment(notification.objectId)
    } catch (error) {
      if (error instanceof YookassaApiError && error.status === 404) {
        this.logger.warn(`Yookassa webhook ignored: payment ${notification.objectId} is unknown to Yookassa`)
        return { action: PaymentActions.NOT_SUPPORTED }
      }
      throw error
    }

    const sessionId = payment.metadata?.session_id
    if (!sessionId) {
      this.logger.warn(`Yookassa webhook ignored: payment ${payment.id} was not made by this store`)
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const session = await this.sessions.find(sessionId)
    const live = !!session && session.provider_id === PROVIDER_ID && session.data?.id === payment.id
    if (!live || isRefundedInFull(payment)) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }

    if (payment.status === "canceled" && session.status === PaymentSessionStatus.PENDING) {
      // Medusa's flow drops canceled events: end the session here so the shopper pays afresh.
      await this.sessions.markCanceled(session, withPayment(session.data as YookassaSessionData, payment))
    }
    return { action: toWebhookAction(payment), data: { session_id: sessionId, amount: payment.amount.value } }
  }

  private async fetch(data: Record<string, unknown> | undefined): Promise<YookassaPayment> {
    const id = (data as YookassaSessionData | undefined)?.id
    if (!id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment session has no Yookassa payment")
    }
    return this.call("read the payment", () => this.client.getPayment(id))
  }

  /** Yookassa's refusals become Medusa errors the shopper or merchant can read; outages stay unexpected. */
  private async call<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      if (error instanceof YookassaApiError && !error.retryable) {
        throw new MedusaError(
          error.status === 404 ? MedusaError.Types.NOT_FOUND : MedusaError.Types.INVALID_DATA,
          `Yookassa refused to ${what}: ${error.description ?? error.code}${error.parameter ? ` (${error.parameter})` : ""}`
        )
      }
      this.logger.error(`Yookassa: could not ${what}: ${error instanceof Error ? error.message : String(error)}`)
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Yookassa is not reachable right now: could not ${what}`
      )
    }
  }
}

/** Back to the Mini App's status page of this cart: `startapp` is how a t.me link passes it on. */
function returnUrlFor(base: string, cartId: string | undefined): string {
  if (!cartId) {
    return base
  }
  const url = new URL(base)
  url.searchParams.set("startapp", `order_${cartId}`)
  return url.toString()
}

function isRefundedInFull(payment: YookassaPayment): boolean {
  return (
    payment.status === "succeeded" && toMinor(payment.refunded_amount?.value ?? "0") >= toMinor(payment.amount.value)
  )
}

function compact(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => !!entry[1]))
}

function missingKey(operation: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `${operation} needs an idempotency key or a session id`)
}

export default YookassaProviderService
