import type { CreateNotificationDTO, MedusaContainer, NotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TELEGRAM_DELIVERY_MODULE } from "../modules/telegram-delivery"
import type TelegramDeliveryModuleService from "../modules/telegram-delivery/service"
import { ATTEMPT_POLICY_KEY, type AttemptOverride } from "../providers/telegram-notification/attempt-policy"

export const TELEGRAM_CHANNEL = "telegram"

/** Reasons Telegram gives for refusing a message for good: trying again cannot help. */
const PERMANENT_REASONS = ["forbidden", "rejected", "invalid_notification"]
/** Reasons that say Telegram could not be reached (or asked us to slow down): a later run may succeed. */
export const UNREACHABLE_REASONS = ["network", "timeout", "server_error", "rate_limited"]
/**
 * Every send holds the key's lock, so a `pending` record seen under the lock was left by a sender
 * that died mid-send (or by a path outside this helper); past this age it is sent again.
 */
export const STALE_PENDING_MS = 2 * 60 * 1000

export type TelegramNotificationInput = Omit<CreateNotificationDTO, "channel" | "idempotency_key"> & {
  /** One key per message: the same key is never delivered twice. */
  idempotency_key: string
}

export type SendOutcome = {
  delivered: boolean
  error?: string
  /** Telegram's reason when it was not delivered (see the provider's TelegramFailureReason). */
  reason?: string
  /** Not delivered for good: recorded as undeliverable, out of the re-send queue. */
  undeliverable?: boolean
}

/** The record as stored: the DTO type leaves out the status and key it carries. */
export type StoredNotification = NotificationDTO & {
  status?: string
  idempotency_key?: string | null
  updated_at?: Date | string
}

/** MedusaService generates the record update; the module's interface does not list it. */
type NotificationRecords = { updateNotifications(data: { id: string; status: string }): Promise<unknown> }

/**
 * Sends one Telegram notification at most once per key. Medusa's notification module skips a key
 * it already delivered but checks without a lock, and with a failed key and no record id it sends
 * again under a new id that is never stored; so, under a lock on the key, this helper reads the
 * key's record first: delivered or undeliverable, nothing is sent; failed (or left pending by a
 * dead sender), that record is re-sent in place with its provider notes (parts already delivered
 * are skipped). A permanent failure is recorded as undeliverable. Failures are reported, never
 * thrown: the order flow must not break or wait for Telegram.
 *
 * `attempt`: fewer or shorter attempts for this send (a re-send job's one short attempt).
 */
export async function sendTelegramNotification(
  container: MedusaContainer,
  input: TelegramNotificationInput,
  attempt?: AttemptOverride
): Promise<SendOutcome> {
  const locking = container.resolve(Modules.LOCKING)
  try {
    return await locking.execute(`telegram-notification:${input.idempotency_key}`, () =>
      sendUnderLock(container, input, attempt)
    )
  } catch (error) {
    // The lock or a read failed: nothing was sent; the re-send job tries again.
    const message = error instanceof Error ? error.message.split("\n").pop()! : String(error)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Telegram notification ${input.idempotency_key} not sent: ${message}`)
    return { delivered: false, error: message }
  }
}

async function sendUnderLock(
  container: MedusaContainer,
  input: TelegramNotificationInput,
  attempt: AttemptOverride | undefined
): Promise<SendOutcome> {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const existing = await recordOf(container, input.idempotency_key)
  if (existing?.status === "success") {
    return { delivered: true }
  }
  if (existing && (await isUndeliverable(container, existing))) {
    return { delivered: false, reason: permanentFailure(existing), undeliverable: true }
  }
  if (existing?.status === "pending") {
    if (Date.now() - new Date(existing.updated_at ?? existing.created_at).getTime() < STALE_PENDING_MS) {
      return { delivered: false, error: "another send of this message is in progress" }
    }
    // Medusa only re-sends a key whose record failed.
    if (!updatesRecords(notifications)) {
      throw new Error("Medusa's notification module offers no updateNotifications: cannot retry a stale send")
    }
    await notifications.updateNotifications({ id: existing.id, status: "failure" })
  }

  const providerData = { ...(existing?.provider_data ?? input.provider_data ?? {}) }
  delete providerData[ATTEMPT_POLICY_KEY]
  if (attempt) {
    providerData[ATTEMPT_POLICY_KEY] = attempt
  }
  const entry = {
    ...input,
    ...(existing ? { id: existing.id } : {}),
    provider_data: providerData,
    channel: TELEGRAM_CHANNEL,
  }
  try {
    // With the id of the failed record, Medusa updates that record instead of adding one.
    await notifications.createNotifications(entry as CreateNotificationDTO)
    return { delivered: true }
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").pop()! : String(error)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Telegram notification ${input.idempotency_key} not delivered: ${message}`)
    const failed = await recordOf(container, input.idempotency_key)
    const reason = failureReason(failed)
    const undeliverable = failed ? await markIfPermanent(container, failed) : false
    return { delivered: false, error: message, reason, undeliverable }
  }
}

async function recordOf(container: MedusaContainer, key: string): Promise<StoredNotification | undefined> {
  const [record] = await container
    .resolve(Modules.NOTIFICATION)
    .listNotifications({ idempotency_key: key } as never, { take: 1 })
  return record as StoredNotification | undefined
}

async function isUndeliverable(container: MedusaContainer, record: StoredNotification): Promise<boolean> {
  if (record.status !== "failure") {
    return false
  }
  const service = container.resolve<TelegramDeliveryModuleService>(TELEGRAM_DELIVERY_MODULE)
  const [marked] = await service.listUndeliverableMessages({ notification_id: record.id }, { take: 1 })
  return Boolean(marked) || (await markIfPermanent(container, record))
}

/** Records a failure Telegram gave for good as undeliverable; true if it was one. */
export async function markIfPermanent(container: MedusaContainer, record: StoredNotification): Promise<boolean> {
  const reason = permanentFailure(record) ?? (record.idempotency_key ? undefined : "no_idempotency_key")
  if (!reason || record.status !== "failure") {
    return false
  }
  const service = container.resolve<TelegramDeliveryModuleService>(TELEGRAM_DELIVERY_MODULE)
  const [marked] = await service.listUndeliverableMessages({ notification_id: record.id }, { take: 1 })
  if (!marked) {
    await service.createUndeliverableMessages({
      notification_id: record.id,
      idempotency_key: record.idempotency_key ?? null,
      reason,
    })
  }
  return true
}

/** The stored failure's reason (from the provider's notes). */
export function failureReason(notification: NotificationDTO | undefined): string | undefined {
  return (notification?.provider_data as { telegram?: { error?: { reason?: string } | null } } | null | undefined)
    ?.telegram?.error?.reason
}

/** The stored failure's reason, if Telegram refused it for good. */
export function permanentFailure(notification: NotificationDTO): string | undefined {
  const reason = failureReason(notification)
  return reason && PERMANENT_REASONS.includes(reason) ? reason : undefined
}

/** The module's generated service updates its records; its public interface does not say so. */
function updatesRecords(service: object): service is NotificationRecords {
  return "updateNotifications" in service && typeof service.updateNotifications === "function"
}
