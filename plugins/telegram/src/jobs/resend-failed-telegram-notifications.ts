import type { FilterableNotificationProps, MedusaContainer, NotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { permanentFailure, sendTelegramNotification, TELEGRAM_CHANNEL } from "../notifications/send-telegram-notification"

/** Failed messages older than this are not tried again (a sale message a week late helps no one). */
const RESEND_WINDOW_MS = 7 * 24 * 60 * 60 * 1000
const BATCH = 50

/** The record as stored: the DTO type leaves out the idempotency key it carries. */
type StoredNotification = NotificationDTO & { idempotency_key?: string | null }

export type ResendSummary = { retried: number; delivered: number; undeliverable: number }

/**
 * Re-sends Telegram notifications that failed (Bot API down, rate limited, timed out)
 * until they go through. Ones Telegram refused for good (the user blocked the bot or
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
  const summary: ResendSummary = { retried: 0, delivered: 0, undeliverable: 0 }
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
  if (summary.retried) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Telegram re-send: ${summary.delivered} of ${summary.retried} failed notifications delivered`)
  }
  return summary
}

export const config = {
  name: "resend-failed-telegram-notifications",
  schedule: "* * * * *",
}
