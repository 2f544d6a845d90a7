import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyMerchantOfOrder } from "../notifications/notify-merchant-of-order"

/**
 * Tells the merchant's chat about every sale. Runs from Medusa's event system (the
 * worker in production), never inside the request that placed the order. A message
 * that fails, or an event that never reached this subscriber, is caught up by the
 * resend-failed-telegram-notifications job.
 */
export default async function orderPlacedNotifyMerchant({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyMerchantOfOrder(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "telegram-notify-merchant-of-order" },
}
