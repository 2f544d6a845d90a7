import type { RequestMatch, SandboxFaults } from "./types"

type FaultStatus = 500 | 429 | 503

type Scripted<T> = { remaining: number; value: T; match: RequestMatch }

/**
 * The fault switches: scripted API failures and delays (consumed one matching call at a time, in the
 * order they were scripted) and how notifications misbehave.
 */
export class Faults implements SandboxFaults {
  private failures: Array<Scripted<FaultStatus>> = []
  private delays: Array<Scripted<number>> = []
  notificationCopies = 1
  reorder = false
  drop = false

  /** `onReorderOff` releases notifications held while reordering was on. */
  constructor(private readonly onReorderOff: () => void) {}

  failNext(count: number, status: FaultStatus = 500, match: RequestMatch = {}): void {
    this.failures.push({ remaining: positiveInteger(count, "count"), value: status, match })
  }

  slowNext(count: number, delayMs: number, match: RequestMatch = {}): void {
    this.delays.push({ remaining: positiveInteger(count, "count"), value: Math.max(0, delayMs), match })
  }

  duplicateNotifications(copies: number): void {
    this.notificationCopies = positiveInteger(copies, "copies")
  }

  reorderNotifications(on: boolean): void {
    this.reorder = on
    if (!on) {
      this.onReorderOff()
    }
  }

  dropNotifications(on: boolean): void {
    this.drop = on
  }

  reset(): void {
    this.failures = []
    this.delays = []
    this.notificationCopies = 1
    this.drop = false
    this.reorderNotifications(false)
  }

  /** The error status this call must get, if a scripted failure matches it. */
  takeFailure(method: string, path: string): FaultStatus | undefined {
    return take(this.failures, method, path)
  }

  /** How long to hold this call's answer, 0 when no scripted delay matches it. */
  takeDelay(method: string, path: string): number {
    return take(this.delays, method, path) ?? 0
  }
}

function take<T>(scripted: Array<Scripted<T>>, method: string, path: string): T | undefined {
  // String#search ignores a /g regex's lastIndex, so one RegExp can match many calls.
  const found = scripted.find(
    ({ match }) =>
      (!match.method || match.method.toUpperCase() === method) && (!match.path || path.search(match.path) !== -1)
  )
  if (!found) {
    return undefined
  }
  found.remaining -= 1
  if (found.remaining === 0) {
    scripted.splice(scripted.indexOf(found), 1)
  }
  return found.value
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`Yookassa sandbox faults: ${name} must be a positive integer, got ${value}`)
  }
  return value
}
