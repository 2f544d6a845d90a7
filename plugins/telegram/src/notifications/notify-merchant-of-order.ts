import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { telegramPluginOptions } from "../options"
import type { AttemptOverride } from "../providers/telegram-notification/attempt-policy"
import { merchantOrderMessage, type OrderForMerchant } from "./merchant-order-message"
import { sendTelegramNotification, type SendOutcome } from "./send-telegram-notification"

export const MERCHANT_ORDER_TEMPLATE = "order-placed-merchant"

export const merchantOrderKey = (orderId: string) => `${MERCHANT_ORDER_TEMPLATE}:${orderId}`

const ORDER_FIELDS = [
  "id",
  "status",
  "is_draft_order",
  "display_id",
  "currency_code",
  "total",
  "email",
  "items.title",
  "items.product_title",
  "items.detail.quantity",
  "items.total",
  "customer.first_name",
  "customer.last_name",
  "customer.telegram_account.telegram_user_id",
  "customer.telegram_account.username",
  "payment_collections.status",
  "payment_collections.payments.provider_id",
]

/** Sends the merchant's chat the message about one placed order (once: the key is the order's); never about a draft. */
export async function notifyMerchantOfOrder(
  container: MedusaContainer,
  orderId: string,
  attempt?: AttemptOverride
): Promise<SendOutcome | undefined> {
  const { adminChatId, adminThreadId, adminUrl } = telegramPluginOptions(container)
  if (!adminChatId) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Order ${orderId}: no Telegram admin chat is configured (TELEGRAM_ADMIN_CHAT_ID), no sale message sent`)
    return undefined
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { id: orderId },
  })
  // Medusa's generated query types (an app's .medusa/types) say display_id is a string and items may be
  // null; the query returns a number and the placed order's lines.
  const order = data[0] as unknown as (OrderForMerchant & { status: string; is_draft_order: boolean }) | undefined
  // A draft is the merchant's own work in progress, not a sale: it is announced once converted
  // (order.placed), with its final content, under the same key no draft ever took.
  if (!order || order.is_draft_order || order.status === "draft") {
    return undefined
  }
  return sendTelegramNotification(
    container,
    {
      to: adminChatId,
      template: MERCHANT_ORDER_TEMPLATE,
      data: { html: merchantOrderMessage(order, adminUrl), message_thread_id: adminThreadId, order_id: order.id },
      idempotency_key: merchantOrderKey(order.id),
      resource_id: order.id,
      resource_type: "order",
    },
    attempt
  )
}
