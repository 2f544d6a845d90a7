import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import type { TelegramDeliveryRecord } from "./types"

/**
 * The provider's notes on a notification, kept in `provider_data.telegram`.
 *
 * Medusa 2.21.2's notification module hands the provider the very object it later writes
 * back to the notification record (status "success"/"failure"), so what is set here is
 * stored with the record: the delivered message ids, and on failure the reason. A re-send
 * of the record (same `data` and `provider_data`) then skips the chunks already delivered.
 */
export function readDeliveryRecord(notification: ProviderSendNotificationDTO): TelegramDeliveryRecord | undefined {
  const record = (notification.provider_data as { telegram?: unknown } | null | undefined)?.telegram
  if (!record || typeof record !== "object") {
    return undefined
  }
  const { message_ids, chunks } = record as Partial<TelegramDeliveryRecord>
  if (!Array.isArray(message_ids) || !message_ids.every(Number.isSafeInteger) || !Number.isSafeInteger(chunks)) {
    return undefined
  }
  return { message_ids, chunks: chunks as number }
}

export function writeDeliveryRecord(notification: ProviderSendNotificationDTO, record: TelegramDeliveryRecord): void {
  notification.provider_data = { ...(notification.provider_data ?? {}), telegram: record }
}
