import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { NOTIFICATION_EVENT, WEBHOOK_PROVIDER } from "../options"
import { settleYookassaPayment } from "../settlement/settle-yookassa-payment"
import { parseNotification } from "../utils/notification"

type NotificationEvent = { provider?: string; payload?: { data?: unknown } }

/**
 * A payment notification: Medusa's payment flow for a live session, then the settlement of
 * whatever no order needs (settleYookassaPayment). A failure is thrown, so the event bus
 * retries it; the reconciliation job catches whatever the retries miss.
 */
export default async function handleYookassaPaymentNotification({
  event,
  container,
}: SubscriberArgs<NotificationEvent>) {
  if (event.data.provider !== WEBHOOK_PROVIDER) {
    return
  }
  const notification = parseNotification(event.data.payload?.data)
  if (!notification?.event.startsWith("payment.")) {
    return
  }
  await settleYookassaPayment(container, notification.objectId)
}

export const config: SubscriberConfig = {
  event: NOTIFICATION_EVENT,
  context: { subscriberId: "yookassa-payment-notification" },
}
