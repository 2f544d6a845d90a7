import {
  AbstractPaymentProvider,
  BigNumber,
  MathBN,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
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
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { StarsBotApiError, StarsBotClient } from "../../stars/bot-client"
import { parseStarsOptions, STARS_CURRENCY, type StarsOptions } from "./options"
import { encodeInvoicePayload } from "../../stars/payload"
import { refundStarsCharge } from "../../stars/refund-charge"
import { isPaid, serverFields, type StarsSessionData } from "./session-data"

/**
 * Payment provider "telegram-stars" (Medusa id pp_telegram-stars_telegram-stars): a cart paid
 * in Telegram Stars through an invoice link of the store's bot. Telegram tells the store about
 * a payment only in a bot update (`successful_payment`); the settlement records that charge on
 * the session and runs Medusa's payment flow, which is when this provider says "captured".
 */
class TelegramStarsProviderService extends AbstractPaymentProvider<StarsOptions> {
  static identifier = "telegram-stars"

  protected readonly options_: StarsOptions
  protected readonly client: StarsBotClient
  protected readonly logger: Logger

  static validateOptions(options: Record<string, unknown>): void {
    parseStarsOptions(options)
  }

  constructor(container: Record<string, unknown>, options: StarsOptions) {
    super(container, options)
    this.options_ = parseStarsOptions(options)
    this.client = new StarsBotClient(this.options_)
    this.logger = container.logger as Logger
  }

  async initiatePayment({ amount, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const session = serverFields((data ?? {}) as StarsSessionData)
    if (MathBN.lte(amount, 0)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A zero total is not paid in Telegram Stars: complete the cart without paying"
      )
    }
    if (
      !session.session_id ||
      !session.cart_id ||
      !Number.isSafeInteger(session.stars_amount) ||
      session.stars_amount! <= 0
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A Telegram Stars payment session needs a Stars price built from its cart"
      )
    }
    const payload = encodeInvoicePayload({ session_id: session.session_id, cart_id: session.cart_id })
    const link = await this.call("create the invoice", () =>
      this.client.createInvoiceLink({
        title: this.options_.invoiceTitle,
        description: session.description || this.options_.invoiceTitle,
        payload,
        currency: STARS_CURRENCY,
        prices: [{ label: this.options_.invoiceTitle, amount: session.stars_amount! }],
      })
    )
    return {
      id: payload,
      data: { ...session, total: new BigNumber(amount).numeric, invoice_link: link, invoice_payload: payload },
      status: PaymentSessionStatus.PENDING,
    }
  }

  /** Paid once the settlement has recorded Telegram's charge on the session; Stars are never held. */
  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { data, status: statusOf(data) }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { data, status: statusOf(data) }
  }

  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    if (!isPaid(data as StarsSessionData)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This Telegram Stars payment has not been paid")
    }
    return { data }
  }

  /** Stars are paid in one step: there is no hold to cancel; a paid charge is refunded instead. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data }
  }

  /**
   * Deleting a session moves no money: a charge that nothing owns is given back by the
   * settlement (bot update or reconciliation job), under locks and with proof.
   */
  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const session = (data ?? {}) as StarsSessionData
    if (session.telegram_payment_charge_id) {
      this.logger.info(
        `Telegram Stars charge ${session.telegram_payment_charge_id}: its session was deleted; settled if it is ever an orphan`
      )
    }
    return { data }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data }
  }

  /**
   * Called only by the settlement (no store route updates a session) to record the charge
   * Telegram reported; the invoice itself cannot change.
   */
  async updatePayment({ data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data, status: statusOf(data) }
  }

  /** Telegram refunds Stars payments whole: a partial refund is refused before Telegram is asked. */
  async refundPayment({ data, amount }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = (data ?? {}) as StarsSessionData
    if (!session.telegram_payment_charge_id || !session.payer_user_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This Telegram Stars payment has no charge to refund")
    }
    if (session.refunded_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Telegram Stars charge ${session.telegram_payment_charge_id} was refunded already`
      )
    }
    if (session.total !== undefined && MathBN.lt(amount, session.total)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Telegram Stars payments are refunded whole: refund the full ${session.total} (${session.paid_stars ?? session.stars_amount} Stars), not part of it`
      )
    }
    await this.call("refund the Stars payment", () =>
      refundStarsCharge(this.client, session.payer_user_id!, session.telegram_payment_charge_id!)
    )
    return { data: { ...session, refunded_at: new Date().toISOString() } }
  }

  /** Stars payments arrive as bot updates at /hooks/telegram, not at Medusa's payment webhook. */
  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  /** Telegram's refusals become errors the shopper or merchant can read; outages stay unexpected. */
  private async call<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      if (error instanceof StarsBotApiError && error.refused) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Telegram refused to ${what}: ${error.description}`)
      }
      this.logger.error(`Telegram Stars: could not ${what}: ${error instanceof Error ? error.message : String(error)}`)
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Telegram is not reachable right now: could not ${what}`
      )
    }
  }
}

function statusOf(data: Record<string, unknown> | undefined): PaymentSessionStatus {
  return isPaid(data as StarsSessionData) ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.PENDING
}

export default TelegramStarsProviderService
