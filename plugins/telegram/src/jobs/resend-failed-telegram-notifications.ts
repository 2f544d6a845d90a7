import type { FilterableNotificationProps, FilterableOrderProps, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TELEGRAM_DELIVERY_MODULE } from "../modules/telegram-delivery"
import type TelegramDeliveryModuleService from "../modules/telegram-delivery/service"
import { merchantOrderKey, notifyMerchantOfOrder } from "../notifications/notify-merchant-of-order"
import {
  markIfPermanent,
  sendTelegramNotification,
  STALE_PENDING_MS,
  TELEGRAM_CHANNEL,
  UNREACHABLE_REASONS,
  type SendOutcome,
  type StoredNotification,
} from "../notifications/send-telegram-notification"
import { telegramPluginOptions } from "../options"

/** Failed messages older than this are not tried again (a sale message a week late helps no one). */
const RESEND_WINDOW_MS = 7 * 24 * 60 * 60 * 1000
const BATCH = 50
/** An order younger than this may still be in the subscriber's hands. */
const SUBSCRIBER_GRACE_MS = 2 * 60 * 1000
/** How far back to look for orders whose event never reached the subscriber. */
const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1000
/**
 * One run's time budget: jobs share one worker, so a Telegram outage must not hold the Yookassa
 * reconciliation and course delivery jobs behind this one. What is left waits for the next minute.
 */
export const RUN_BUDGET_MS = 20_000
/** One short attempt per message in a run (the provider's own retries are for the first send). */
const ONE_SHORT_ATTEMPT = { max_attempts: 1, timeout_ms: 5_000 }

export type ResendSummary = {
  retried: number
  delivered: number
  undeliverable: number
  caughtUp: number
  /** The run stopped early: Telegram unreachable, or the time budget spent. */
  stopped: "unreachable" | "budget" | null
}

export type ResendOptions = { budgetMs?: number }

/**
 * Re-sends Telegram notifications that failed (Bot API down, rate limited, timed out) or were left
 * `pending` by a sender that died, and sends the sale message for recent placed orders that have
 * none (the event bus gives a subscriber one attempt, or none: a crash loses the event). Ones
 * Telegram refused for good (the user blocked the bot or never started it, a bad chat) are recorded
 * as undeliverable, with the reason on the record, and leave the queue.
 *
 * Each message gets one short attempt; the run stops at the first sign that Telegram cannot be
 * reached, and when its time budget is spent.
 */
export default async function resendFailedTelegramNotifications(
  container: MedusaContainer,
  { budgetMs = RUN_BUDGET_MS }: ResendOptions = {}
): Promise<ResendSummary> {
  const deadline = Date.now() + budgetMs
  const summary: ResendSummary = { retried: 0, delivered: 0, undeliverable: 0, caughtUp: 0, stopped: null }
  for (const notification of await retryQueue(container)) {
    if (Date.now() >= deadline) {
      summary.stopped = "budget"
      break
    }
    if (await markIfPermanent(container, notification)) {
      summary.undeliverable++
      continue
    }
    summary.retried++
    const outcome = await resend(container, notification)
    if (outcome.delivered) {
      summary.delivered++
    } else if (outcome.undeliverable) {
      summary.undeliverable++
    } else if (outcome.reason && UNREACHABLE_REASONS.includes(outcome.reason)) {
      summary.stopped = "unreachable"
      break
    }
  }
  if (!summary.stopped) {
    summary.caughtUp = await catchUpUnannouncedOrders(container, deadline)
  }
  if (summary.retried || summary.caughtUp || summary.undeliverable || summary.stopped) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Telegram re-send: ${summary.delivered} of ${summary.retried} notifications delivered, ` +
          `${summary.undeliverable} undeliverable, ${summary.caughtUp} orders without a sale message announced` +
          (summary.stopped ? `; stopped early (${summary.stopped})` : "")
      )
  }
  return summary
}

function resend(container: MedusaContainer, notification: StoredNotification): Promise<SendOutcome> {
  return sendTelegramNotification(
    container,
    {
      to: notification.to,
      template: notification.template ?? "",
      data: notification.data ?? {},
      provider_data: notification.provider_data ?? undefined,
      idempotency_key: notification.idempotency_key!,
      resource_id: notification.resource_id ?? undefined,
      resource_type: notification.resource_type ?? undefined,
    },
    ONE_SHORT_ATTEMPT
  )
}

/**
 * The oldest messages to try again: failed ones not marked undeliverable, and pending ones whose
 * sender died (no update for STALE_PENDING_MS).
 */
async function retryQueue(container: MedusaContainer): Promise<StoredNotification[]> {
  const since = new Date(Date.now() - RESEND_WINDOW_MS).toISOString()
  const undeliverable = await container
    .resolve<TelegramDeliveryModuleService>(TELEGRAM_DELIVERY_MODULE)
    .listUndeliverableMessages({ created_at: { $gte: since } }, { select: ["notification_id"], take: null })
  const notifications = container.resolve(Modules.NOTIFICATION)
  // The stored status is filterable, though the filter type does not list it.
  const failed = {
    channel: TELEGRAM_CHANNEL,
    status: "failure",
    created_at: { $gte: since },
  } as FilterableNotificationProps
  if (undeliverable.length) {
    Object.assign(failed, { id: { $nin: undeliverable.map((mark) => mark.notification_id) } })
  }
  const stalePending = {
    channel: TELEGRAM_CHANNEL,
    status: "pending",
    created_at: { $gte: since },
    updated_at: { $lte: new Date(Date.now() - STALE_PENDING_MS).toISOString() },
  } as FilterableNotificationProps
  const page = { take: BATCH, order: { created_at: "ASC" as const } }
  const [failures, pendings] = await Promise.all([
    notifications.listNotifications(failed, page),
    notifications.listNotifications(stalePending, page),
  ])
  return ([...failures, ...pendings] as StoredNotification[])
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
    .slice(0, BATCH)
}

/** Placed orders of the last day (past the subscriber's grace period, drafts left out) with no sale message record at all. */
async function catchUpUnannouncedOrders(container: MedusaContainer, deadline: number): Promise<number> {
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
  const orders = await container
    .resolve(Modules.ORDER)
    .listOrders(placed, { select: ["id"], take: BATCH, order: { created_at: "DESC" } })
  if (!orders.length) {
    return 0
  }
  const announced = (await container
    .resolve(Modules.NOTIFICATION)
    .listNotifications(
      { channel: TELEGRAM_CHANNEL, resource_id: orders.map((order) => order.id) },
      { take: null }
    )) as StoredNotification[]
  const keys = new Set(announced.map((notification) => notification.idempotency_key))
  let caughtUp = 0
  for (const order of orders) {
    if (Date.now() >= deadline) {
      break
    }
    if (keys.has(merchantOrderKey(order.id))) {
      continue
    }
    const outcome = await notifyMerchantOfOrder(container, order.id, ONE_SHORT_ATTEMPT)
    if (outcome?.delivered) {
      caughtUp++
    } else if (outcome?.reason && UNREACHABLE_REASONS.includes(outcome.reason)) {
      break
    }
  }
  return caughtUp
}

export const config = {
  name: "resend-failed-telegram-notifications",
  schedule: "* * * * *",
}
