import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { merchantOrderMessage, type OrderForMerchant } from "../notifications/merchant-order-message"
import { sendTelegramNotification } from "../notifications/send-telegram-notification"
import { telegramPluginOptions } from "../utils/plugin-options"

export const MERCHANT_ORDER_TEMPLATE = "order-placed-merchant"

/**
 * Tells the merchant's chat about every sale. Runs from Medusa's event system (the
 * worker in production), never inside the request that placed the order; a message
 * that fails here is re-sent by the resend-failed-telegram-notifications job.
 */
export default async function notifyMerchantOfOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const { adminChatId, adminThreadId, adminUrl } = telegramPluginOptions(container)
  if (!adminChatId) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Order ${event.data.id} placed, but no Telegram admin chat is configured (TELEGRAM_ADMIN_CHAT_ID)`)
    return
  }

  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "currency_code",
      "total",
      "email",
      "items.title",
      "items.product_title",
      "items.quantity",
      "items.total",
      "customer.first_name",
      "customer.last_name",
      "customer.metadata",
      "payment_collections.status",
      "payment_collections.payments.provider_id",
    ],
    filters: { id: event.data.id },
  })
  const order = data[0] as unknown as OrderForMerchant | undefined
  if (!order) {
    return
  }

  await sendTelegramNotification(container, {
    to: adminChatId,
    template: MERCHANT_ORDER_TEMPLATE,
    data: { html: merchantOrderMessage(order, adminUrl), message_thread_id: adminThreadId, order_id: order.id },
    idempotency_key: `${MERCHANT_ORDER_TEMPLATE}:${order.id}`,
    resource_id: order.id,
    resource_type: "order",
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "telegram-notify-merchant-of-order" },
}
