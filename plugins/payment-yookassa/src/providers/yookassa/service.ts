import { AbstractPaymentProvider, MedusaError } from "@medusajs/framework/utils"
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
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"

/**
 * Payment provider "yookassa". The gateway integration lands with the Yookassa
 * issue; until then every call is refused with a clear message, so a shopper can
 * never be charged through a half-built provider.
 */
class YookassaProviderService extends AbstractPaymentProvider {
  static identifier = "yookassa"

  constructor(container: Record<string, unknown>, options: Record<string, unknown>) {
    super(container, options)
  }

  private refuse(): never {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Payment with Yookassa is not available yet")
  }

  async initiatePayment(_input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return this.refuse()
  }

  async authorizePayment(_input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.refuse()
  }

  async capturePayment(_input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return this.refuse()
  }

  async cancelPayment(_input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return this.refuse()
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    // Nothing was ever sent to Yookassa, so deleting a session has nothing to undo.
    return { data: input.data }
  }

  async getPaymentStatus(_input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return this.refuse()
  }

  async refundPayment(_input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return this.refuse()
  }

  async retrievePayment(_input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return this.refuse()
  }

  async updatePayment(_input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return this.refuse()
  }

  async getWebhookActionAndData(
    _payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    return { action: "not_supported" }
  }
}

export default YookassaProviderService
