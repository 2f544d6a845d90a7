import type { CreateNotificationDTO, MedusaContainer, NotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export const TELEGRAM_CHANNEL = "telegram"

export type TelegramNotificationInput = Omit<CreateNotificationDTO, "channel" | "idempotency_key"> & {
  /** One key per message: the same key is never delivered twice. */
  idempotency_key: string
}

export type SendOutcome = { delivered: boolean; error?: string }

/**
 * Sends one Telegram notification at most once. Medusa's notification module skips a
 * key it already delivered but checks without a lock, so the subscriber and the re-send
 * job could both send the same message; a lock on the key closes that gap. A failure is
 * recorded on the notification (status "failure") and reported, never thrown: the order
 * flow must not break or wait for Telegram.
 */
export async function sendTelegramNotification(
  container: MedusaContainer,
  input: TelegramNotificationInput & { id?: string }
): Promise<SendOutcome> {
  const locking = container.resolve(Modules.LOCKING)
  const notifications = container.resolve(Modules.NOTIFICATION)
  try {
    await locking.execute(`telegram-notification:${input.idempotency_key}`, async () => {
      // With the id of an earlier failed record, Medusa updates that record instead of adding one.
      await notifications.createNotifications({ ...input, channel: TELEGRAM_CHANNEL } as CreateNotificationDTO)
    })
    return { delivered: true }
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").pop()! : String(error)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Telegram notification ${input.idempotency_key} not delivered: ${message}`)
    return { delivered: false, error: message }
  }
}

/** The stored failure's reason (from the provider's notes), if Telegram refused it for good. */
export function permanentFailure(notification: NotificationDTO): string | undefined {
  const reason = (notification.provider_data as { telegram?: { error?: { reason?: string } | null } } | null)?.telegram
    ?.error?.reason
  return reason && ["forbidden", "rejected", "invalid_notification"].includes(reason) ? reason : undefined
}
