import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import { rangeEnd } from "../../../utils/time-zone"

const DAY_MS = 24 * 60 * 60 * 1000

/** A range end: a calendar day of the store (YYYY-MM-DD, from its midnight) or an ISO date-time. */
export const RangeEnd = (name: string) =>
  z.string().refine((value) => rangeEnd(value, "UTC") !== undefined, {
    message: `${name} must be a day (YYYY-MM-DD, in the store's time zone) or an ISO date-time`,
  })

/**
 * Both admin click routes take a half-open range [from, to): days are taken in the store's time
 * zone (`to` as a day is that day's start, so `from=2026-03-01&to=2026-03-02` is 1 March). Refuses an
 * empty or reversed range with 400. Without ends: the last `defaultDays` days up to now.
 */
export function resolveRange(
  range: { from?: string; to?: string },
  timeZone: string,
  defaultDays = 30
): { from: Date; to: Date } {
  const to = range.to ? rangeEnd(range.to, timeZone)! : new Date()
  const from = range.from ? rangeEnd(range.from, timeZone)! : new Date(to.getTime() - defaultDays * DAY_MS)
  if (!(from < to)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "from must be before to")
  }
  return { from, to }
}
