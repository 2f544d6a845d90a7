import type {
  FilterableNotificationProps,
  FilterableOrderProps,
  MedusaContainer,
  NotificationDTO,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { merchantOrderKey, notifyMerchantOfOrder } from "../notifications/notify-merchant-of-order"
import { permanentFailure, sendTelegramNotification, TELEGRAM_CHANNEL } from "../notifications/send-telegram-notification"
import { telegramPluginOptions } from "../utils/plugin-options"

/** Failed messages older than this are not tried again (a sale message a week late helps no one). */
const RESEND_WINDOW_MS = 7 * 24 * 60 * 60 * 1000
const BATCH = 50
/** An order younger than this may still be in the subscriber's hands. */
const SUBSCRIBER_GRACE_MS = 2 * 60 * 1000
/** How far back to look for orders whose event never reached the subscriber. */
const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1000

/** The record as stored: the DTO type leaves out the idempotency key it carries. */
type StoredNotification = NotificationDTO & { idempotency_key?: string | null }

export type ResendSummary = { retried: number; delivered: number; undeliverable: number; caughtUp: number }

/**
 * Re-sends Telegram notifications that failed (Bot API down, rate limited, timed out)
 * until they go through, and sends the sale message for recent orders that have none
 * (the event bus gives a subscriber one attempt, or none: a crash loses the event). Ones Telegram refused for good (the user blocked the bot or
 * never started it, a bad chat) stay failed, with the reason on the record.
 *
 * A re-send reuses the failed record (its id and provider notes): Medusa 2.21.2 then
 * updates that record in place, and the provider skips any part already delivered.
 */
export default async function resendFailedTelegramNotifications(container: MedusaContainer): Promise<ResendSummary> {
  // The stored status is filterable, though the filter type does not list it.
  const failed: FilterableNotificationProps & { status: string } = {
    channel: TELEGRAM_CHANNEL,
    status: "failure",
    created_at: { $gte: new Date(Date.now() - RESEND_WINDOW_MS).toISOString() },
  }
  const notifications = (await container
    .resolve(Modules.NOTIFICATION)
    .listNotifications(failed, { take: BATCH, order: { created_at: "ASC" } })) as StoredNotification[]
  const summary: ResendSummary = { retried: 0, delivered: 0, undeliverable: 0, caughtUp: 0 }
  for (const notification of notifications) {
    if (!notification.idempotency_key || permanentFailure(notification)) {
      summary.undeliverable++
      continue
    }
    summary.retried++
    const outcome = await sendTelegramNotification(container, {
      id: notification.id,
      to: notification.to,
      template: notification.template ?? "",
      data: notification.data ?? {},
      provider_data: notification.provider_data ?? undefined,
      idempotency_key: notification.idempotency_key,
      resource_id: notification.resource_id ?? undefined,
      resource_type: notification.resource_type ?? undefined,
    })
    if (outcome.delivered) {
      summary.delivered++
    }
  }
  summary.caughtUp = await catchUpUnannouncedOrders(container)
  if (summary.retried || summary.caughtUp) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Telegram re-send: ${summary.delivered} of ${summary.retried} failed notifications delivered, ` +
          `${summary.caughtUp} orders without a sale message announced`
      )
  }
  return summary
}

/** Placed orders of the last day (past the subscriber's grace period, drafts left out) with no sale message record at all. */
async function catchUpUnannouncedOrders(container: MedusaContainer): Promise<number> {
  if (!telegramPluginOptions(container).adminChatId) {
    return 0
  }
  const now = Date.now()
  // Drafts are not sales (Medusa's own admin order list leaves them out the same way); the
  // stored flag is filterable, though the filter type does not list it.
  const placed: FilterableOrderProps & { is_draft_order: boolean; status: { $ne: string } } = {
    is_draft_order: false,
    status: { $ne: "draft" },
    created_at: {
      $gte: new Date(now - CATCH_UP_WINDOW_MS).toISOString(),
      $lte: new Date(now - SUBSCRIBER_GRACE_MS).toISOString(),
    },
  }
  const orders = await container.resolve(Modules.ORDER).listOrders(
    placed,
    { select: ["id"], take: BATCH, order: { created_at: "DESC" } }
  )
  if (!orders.length) {
    return 0
  }
  const announced = (await container
    .resolve(Modules.NOTIFICATION)
    .listNotifications({ channel: TELEGRAM_CHANNEL, resource_id: orders.map((order) => order.id) }, { take: null })) as StoredNotification[]
  const keys = new Set(announced.map((notification) => notification.idempotency_key))
  let caughtUp = 0
  for (const order of orders) {
    if (!keys.has(merchantOrderKey(order.id)) && (await notifyMerchantOfOrder(container, order.id))?.delivered) {
      caughtUp++
    }
  }
  return caughtUp
}

export const config = {
  name: "resend-failed-telegram-notifications",
  schedule: "* * * * *",
}
