import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NOTIFICATION_EVENT, WEBHOOK_PROVIDER } from "../options"
import { recordDashboardRefund as recordOnce } from "../refunds/record-dashboard-refund"
import { parseNotification } from "../utils/notification"

type WebhookEvent = { provider?: string; payload?: { data?: unknown } }

/**
 * A refund the merchant made in Yookassa's dashboard (`refund.succeeded`) is recorded on the
 * order through Medusa's refund flow, exactly once (see record-dashboard-refund.ts).
 */
export default async function recordDashboardRefund({ event, container }: SubscriberArgs<WebhookEvent>) {
  if (event.data.provider !== WEBHOOK_PROVIDER) {
    return
  }
  const notification = parseNotification(event.data.payload?.data)
  if (notification?.event !== "refund.succeeded") {
    return
  }
  const outcome = await recordOnce(container, notification.objectId)
  container.resolve(ContainerRegistrationKeys.LOGGER).debug(`Yookassa refund ${notification.objectId}: ${outcome}`)
}

export const config: SubscriberConfig = {
  event: NOTIFICATION_EVENT,
  context: { subscriberId: "yookassa-dashboard-refund" },
}
