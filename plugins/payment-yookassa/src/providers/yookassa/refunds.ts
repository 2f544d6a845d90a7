import { MedusaError } from "@medusajs/framework/utils"
import type { CreateRefundRequest, YookassaPayment, YookassaRefund } from "../../client/types"
import type { YookassaOptions } from "../../options"
import { refundReceipt } from "../../utils/refund-receipt"
import type { RecordedRefund, YookassaSessionData } from "./session-data"

/**
 * What a Medusa refund recording a dashboard refund carries in its `metadata` (written by the
 * plugin's subscriber from what Yookassa's API said; the admin's refund route cannot set it).
 */
export type DashboardRefundMetadata = {
  yookassa_refund: { id: string; payment_id: string; amount: string; created_at: string }
}

type StoredRefund = { id: string; metadata: Record<string, unknown> | null }
type InternalRefundService = { list(filters: { id: string }, config: { select: string[] }): Promise<StoredRefund[]> }

/**
 * Medusa's refunds, as the payment module's container holds them: the provider is handed only
 * the refund's id (the idempotency key) and reads here which Yookassa refund, if any, it records.
 */
export class MedusaRefunds {
  constructor(private readonly service: InternalRefundService | undefined) {}

  /** The dashboard refund the Medusa refund `refundId` was created to record, if it was. */
  async dashboardRefundOf(refundId: string): Promise<DashboardRefundMetadata["yookassa_refund"] | undefined> {
    if (!this.service) {
      throw new Error("The payment module's refund service is not available to the Yookassa provider")
    }
    const [refund] = await this.service.list({ id: refundId }, { select: ["id", "metadata"] })
    return (refund?.metadata as Partial<DashboardRefundMetadata> | null)?.yookassa_refund
  }
}

export function medusaRefundsFrom(container: Record<string, unknown>): MedusaRefunds {
  let service: InternalRefundService | undefined
  try {
    service = container.refundService as InternalRefundService | undefined
  } catch {
    service = undefined
  }
  return new MedusaRefunds(service)
}

/**
 * The session data after adopting exactly the dashboard refund a Medusa refund names: it must
 * be a refund of this payment, of this amount.
 */
export function adoptDashboardRefund(
  session: YookassaSessionData,
  named: DashboardRefundMetadata["yookassa_refund"],
  value: string
): YookassaSessionData {
  if (named.payment_id !== session.id || named.amount !== value) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Yookassa refund ${named.id} (${named.amount} on payment ${named.payment_id}) is not a refund of ${value} on payment ${session.id}`
    )
  }
  return recordRefund(
    session,
    { id: named.id, amount: { value: named.amount }, created_at: named.created_at },
    "yookassa"
  )
}

/**
 * A new Yookassa refund for the Medusa refund `medusaRefundId`: its id is the Idempotence-Key
 * (a retry of the same refund is made once, two refunds are two) and it is named in the
 * description, so the refund.succeeded notification is known as Medusa's own.
 */
export function refundRequest(
  payment: YookassaPayment,
  value: string,
  medusaRefundId: string,
  session: YookassaSessionData,
  options: YookassaOptions
): CreateRefundRequest {
  return {
    payment_id: payment.id,
    amount: { value, currency: payment.amount.currency },
    description: `Возврат по заказу (${medusaRefundId})`.slice(0, 250),
    ...(options.receipts.enabled && session.receipt ? { receipt: refundReceipt(session.receipt, value) } : {}),
  }
}

/** True when a Yookassa refund's description names one of the given Medusa refunds (see refundRequest). */
export function isMedusaRefund(refund: Pick<YookassaRefund, "description">, medusaRefundIds: string[]): boolean {
  return medusaRefundIds.some((id) => !!refund.description?.includes(`(${id})`))
}

export function recordRefund(
  data: YookassaSessionData,
  refund: { id: string; amount: { value: string }; created_at: string },
  source: RecordedRefund["source"]
): YookassaSessionData {
  const refunds = [
    ...(data.refunds ?? []),
    { id: refund.id, amount: refund.amount.value, created_at: refund.created_at, source },
  ]
  return { ...data, refunds }
}
