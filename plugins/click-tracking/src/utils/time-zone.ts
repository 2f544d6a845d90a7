/** The store's time zone when none is configured: the merchant's day starts at Moscow's midnight. */
export const DEFAULT_TIME_ZONE = "Europe/Moscow"

/** True for an IANA zone name this runtime knows (what PostgreSQL's AT TIME ZONE takes too). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name })
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)
  } catch {
    return false
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (Moscow: +3 h). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant))
  const part = (type: string) => Number(parts.find((item) => item.type === type)!.value)
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"))
  return asUtc - Math.floor(instant / 1000) * 1000
}

const HOUR_MS = 60 * 60 * 1000

/**
 * True when the zone is a whole number of hours from UTC, in winter and in summer: statistics are
 * kept in UTC hours, so only such a zone's days start on an hour boundary (every Russian zone does).
 */
export function hasWholeHourOffsets(timeZone: string): boolean {
  const year = new Date().getUTCFullYear()
  return [Date.UTC(year, 0, 1), Date.UTC(year, 6, 1)].every((instant) => offsetAt(instant, timeZone) % HOUR_MS === 0)
}

/** The instant a calendar day (YYYY-MM-DD) starts in the zone, daylight saving included. */
export function startOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number)
  const midnightUtc = Date.UTC(year, month - 1, date)
  let instant = midnightUtc - offsetAt(midnightUtc, timeZone)
  // Once more at the candidate: the offset may differ there (a change on that day).
  instant = midnightUtc - offsetAt(instant, timeZone)
  return new Date(instant)
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant
  )
}

export const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A range end as the admin routes take it: a calendar day (YYYY-MM-DD, its start in the store's
 * zone) or an ISO date-time. Undefined when it is neither.
 */
export function rangeEnd(value: string, timeZone: string): Date | undefined {
  if (PLAIN_DAY.test(value)) {
    const start = startOfDay(value, timeZone)
    return dayIn(start, timeZone) === value ? start : undefined
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}
