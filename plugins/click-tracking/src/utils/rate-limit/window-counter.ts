/** What a counter answers: go ahead, or come back after this many seconds. */
export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export type WindowLimit = {
  /** How much one key may take per window. */
  events: number
  windowSeconds: number
}

/**
 * A fixed-window budget per key. `take` is all or nothing: an amount that would go over the
 * limit takes nothing, so a rejected batch does not eat into the client's next try.
 */
export interface WindowCounter {
  take(key: string, amount: number): Promise<Admission>
}

/** The window that `now` falls in, and the seconds left until the next one (at least 1). */
export function currentWindow(limit: WindowLimit, now = Date.now()) {
  const windowMs = limit.windowSeconds * 1000
  const index = Math.floor(now / windowMs)
  return { index, windowMs, retryAfterSeconds: Math.max(1, Math.ceil(((index + 1) * windowMs - now) / 1000)) }
}
