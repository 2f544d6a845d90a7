import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import type { RetryPolicy } from "./retry"
import type { ResolvedTelegramNotificationOptions } from "./options"

/** Where a caller asks for fewer or shorter attempts for one notification: `provider_data.telegram_attempt`. */
export const ATTEMPT_POLICY_KEY = "telegram_attempt"

export type AttemptOverride = { max_attempts?: number; timeout_ms?: number }

export type AttemptPolicy = RetryPolicy & { requestTimeoutMs: number }

/** A whole number in [min, max], else the fallback: a caller can only lower the configured limits. */
const within = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : fallback

/**
 * The attempts for one notification: the provider's options, lowered by the notification's own
 * `provider_data.telegram_attempt` (a re-send job makes one short attempt per message, so that a
 * Telegram outage costs it seconds, not minutes).
 */
export function attemptPolicy(
  notification: ProviderSendNotificationDTO,
  options: ResolvedTelegramNotificationOptions
): AttemptPolicy {
  const override = (notification.provider_data as Record<string, unknown> | null | undefined)?.[ATTEMPT_POLICY_KEY] as
    AttemptOverride | undefined
  return {
    ...options,
    maxAttempts: within(override?.max_attempts, 1, options.maxAttempts, options.maxAttempts),
    requestTimeoutMs: within(override?.timeout_ms, 100, options.requestTimeoutMs, options.requestTimeoutMs),
  }
}
