import { TelegramDeliveryError } from "./errors"

export type RetryPolicy = {
  maxAttempts: number
  retryBaseDelayMs: number
  retryMaxDelayMs: number
  maxRetryAfterSeconds: number
}

export type RetryEvent = {
  error: TelegramDeliveryError
  attempt: number
  delayMs: number
}

/**
 * Runs `operation` until it succeeds, fails for good, or `maxAttempts` is used up.
 * - 429: waits Telegram's `retry_after` (failing at once if that exceeds `maxRetryAfterSeconds`);
 * - 5xx, network errors, timeouts: exponential back-off with jitter;
 * - anything else (403, other 4xx): thrown at once.
 * The final error carries the number of attempts made.
 */
export async function withRetries<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (event: RetryEvent) => void
): Promise<{ result: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { result: await operation(), attempts: attempt }
    } catch (error) {
      if (!(error instanceof TelegramDeliveryError)) {
        throw error
      }
      const delayMs = retryDelay(error, attempt, policy)
      if (delayMs === undefined || attempt >= policy.maxAttempts) {
        throw error.withContext({ attempts: attempt })
      }
      onRetry?.({ error, attempt, delayMs })
      await sleep(delayMs)
    }
  }
}

/** How long to wait before the next attempt, or undefined when retrying cannot help. */
export function retryDelay(error: TelegramDeliveryError, attempt: number, policy: RetryPolicy): number | undefined {
  if (!error.retryable) {
    return undefined
  }
  if (error.reason === "rate_limited") {
    const seconds = error.retryAfterSeconds ?? 1
    return seconds > policy.maxRetryAfterSeconds ? undefined : seconds * 1000
  }
  const exponential = Math.min(policy.retryMaxDelayMs, policy.retryBaseDelayMs * 2 ** (attempt - 1))
  return Math.round(exponential / 2 + Math.random() * (exponential / 2))
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
