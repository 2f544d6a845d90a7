import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { NOTIFICATION_EVENT, WEBHOOK_PROVIDER } from "../options"
import { yookassaPlugin } from "../plugin-services"
import { parseNotification } from "../utils/notification"
import { settleYookassaPayment } from "../settlement/settle-yookassa-payment"
import type { YookassaSessionData } from "../providers/yookassa/session-data"

type WebhookEvent = { provider?: string; payload?: { data?: unknown } }

/**
 * A refund the merchant made in Yookassa's dashboard (`refund.succeeded`) is recorded on the
 * order through Medusa's refund flow; the provider then adopts Yookassa's refund instead of
 * making a second one. Refunds Medusa itself asked for carry their Medusa id and are skipped.
 */
export default async function recordDashboardRefund({ event, container }: SubscriberArgs<WebhookEvent>) {
  if (event.data.provider !== WEBHOOK_PROVIDER) {
    return
  }
  const notification = parseNotification(event.data.payload?.data)
  if (notification?.event !== "refund.succeeded") {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { client } = yookassaPlugin(container)

  const refund = await client.getRefund(notification.objectId)
  if (refund.status !== "succeeded") {
    return
  }
  const payment = await client.getPayment(refund.payment_id)
  const sessionId = payment.metadata?.session_id
  if (!sessionId) {
    return
  }
  // The refund may overtake its payment's own notification: let the payment reach Medusa first.
  await settleYookassaPayment(container, payment.id)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "data", "refunds.id"],
    filters: { payment_session_id: sessionId },
  })
  const recorded = payments[0] as
    | { id: string; data: YookassaSessionData | null; refunds?: Array<{ id: string }> | null }
    | undefined
  if (!recorded) {
    // No Medusa payment: a stale payment the plugin refunded itself.
    return
  }
  const known = new Set((recorded.data?.refunds ?? []).map((entry) => entry.id))
  const askedByMedusa = (recorded.refunds ?? []).some((entry) => refund.description?.includes(entry.id))
  if (known.has(refund.id) || askedByMedusa) {
    return
  }
  await refundPaymentWorkflow(container).run({
    input: { payment_id: recorded.id, amount: refund.amount.value, note: `Refund ${refund.id} made in Yookassa's dashboard` },
  })
  logger.info(`Yookassa refund ${refund.id} (${refund.amount.value} ${refund.amount.currency}) recorded on payment ${recorded.id}`)
}

export const config: SubscriberConfig = {
  event: NOTIFICATION_EVENT,
  context: { subscriberId: "yookassa-dashboard-refund" },
}
