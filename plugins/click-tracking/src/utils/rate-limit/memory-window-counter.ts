import { currentWindow, type Admission, type WindowCounter, type WindowLimit } from "./window-counter"

/** One process's budgets: what a single server uses when the app has no Redis. */
export class MemoryWindowCounter implements WindowCounter {
  private window = -1
  private used = new Map<string, number>()

  constructor(private readonly limit: WindowLimit) {}

  async take(key: string, amount: number): Promise<Admission> {
    const { index, retryAfterSeconds } = currentWindow(this.limit)
    if (index !== this.window) {
      // A new window: every budget is whole again, and the old keys are dropped with it.
      this.window = index
      this.used = new Map()
    }
    const used = this.used.get(key) ?? 0
    if (used + amount > this.limit.events) {
      return { allowed: false, retryAfterSeconds }
    }
    this.used.set(key, used + amount)
    return { allowed: true }
  }
}
