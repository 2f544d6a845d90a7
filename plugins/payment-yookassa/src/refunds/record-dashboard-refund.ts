import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { refundPaymentWorkflow, type RefundPaymentWorkflowInput } from "@medusajs/medusa/core-flows"
import { YOOKASSA_REFUNDS_MODULE } from "../modules/yookassa-refunds"
import type YookassaRefundsModuleService from "../modules/yookassa-refunds/service"
import { yookassaPlugin } from "../plugin-services"
import { settleYookassaPayment } from "../settlement/settle-yookassa-payment"
import { isMedusaRefund, type DashboardRefundMetadata } from "../providers/yookassa/refunds"

export type DashboardRefundOutcome = "recorded" | "already_recorded" | "medusa_refund" | "not_succeeded" | "not_ours"

type RecordedPayment = {
  id: string
  payment_collection_id: string
  refunds?: Array<{ id: string; metadata?: Record<string, unknown> | null } | null> | null
}

/**
 * Records a refund made in Yookassa's dashboard on its order, exactly once however often its
 * notification arrives: the Yookassa refund is claimed first (a primary key on its id), and
 * only the caller whose claim wins runs Medusa's refund flow, whose provider then adopts
 * exactly that Yookassa refund instead of refunding again. Refunds Medusa asked for name
 * their Medusa refund and are left alone.
 */
export async function recordDashboardRefund(
  container: MedusaContainer,
  yookassaRefundId: string
): Promise<DashboardRefundOutcome> {
  const { client } = yookassaPlugin(container)
  const refund = await client.getRefund(yookassaRefundId)
  if (refund.status !== "succeeded") {
    return "not_succeeded"
  }
  const payment = await client.getPayment(refund.payment_id)
  const sessionId = payment.metadata?.session_id
  let recorded = sessionId ? await paymentOfSession(container, sessionId) : undefined
  if (sessionId && !recorded) {
    // The refund may overtake its payment's own notification: let the payment reach Medusa first.
    await settleYookassaPayment(container, payment.id)
    recorded = await paymentOfSession(container, sessionId)
  }
  if (!sessionId || !recorded) {
    // No Medusa payment: a stale payment the plugin refunded itself.
    return "not_ours"
  }
  if (
    isMedusaRefund(
      refund,
      medusaRefundsOf(recorded).map((entry) => entry.id)
    )
  ) {
    return "medusa_refund"
  }

  const claims = container.resolve<YookassaRefundsModuleService>(YOOKASSA_REFUNDS_MODULE)
  if (!(await claims.claimDashboardRefund({ yookassa_refund_id: refund.id, payment_id: recorded.id }))) {
    return "already_recorded"
  }
  const metadata: DashboardRefundMetadata = {
    yookassa_refund: {
      id: refund.id,
      payment_id: refund.payment_id,
      amount: refund.amount.value,
      created_at: refund.created_at,
    },
  }
  // The stock input type omits metadata, which the payment module stores on the refund.
  const input: RefundPaymentWorkflowInput & { metadata: DashboardRefundMetadata } = {
    payment_id: recorded.id,
    amount: refund.amount.value,
    note: `Refund ${refund.id} made in Yookassa's dashboard`,
    metadata,
  }
  try {
    if (await belongsToOrder(container, recorded.payment_collection_id)) {
      await refundPaymentWorkflow(container).run({ input })
    } else {
      // No order (its cart could not be completed): Medusa's refund flow needs one, the module does not.
      await container.resolve<IPaymentModuleService>(Modules.PAYMENT).refundPayment(input)
    }
  } catch (error) {
    // A later step may fail after the refund was recorded: keep the claim then, or it is recorded twice.
    const after = await paymentOfSession(container, sessionId)
    if (!after || !medusaRefundsOf(after).some((entry) => namesYookassaRefund(entry.metadata, refund.id))) {
      await claims.releaseDashboardRefund(refund.id)
    }
    throw error
  }
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(
      `Yookassa refund ${refund.id} (${refund.amount.value} ${refund.amount.currency}) recorded on payment ${recorded.id}`
    )
  return "recorded"
}

async function belongsToOrder(container: MedusaContainer, paymentCollectionId: string): Promise<boolean> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  return data.length > 0
}

async function paymentOfSession(container: MedusaContainer, sessionId: string): Promise<RecordedPayment | undefined> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "payment_collection_id", "refunds.id", "refunds.metadata"],
    filters: { payment_session_id: sessionId },
  })
  return data[0] as RecordedPayment | undefined
}

function medusaRefundsOf(payment: RecordedPayment): Array<{ id: string; metadata?: Record<string, unknown> | null }> {
  return (payment.refunds ?? []).filter((entry): entry is NonNullable<typeof entry> => !!entry)
}

function namesYookassaRefund(metadata: Record<string, unknown> | null | undefined, yookassaRefundId: string): boolean {
  return (metadata as Partial<DashboardRefundMetadata> | null | undefined)?.yookassa_refund?.id === yookassaRefundId
}
