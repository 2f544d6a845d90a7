/** A range of whole days of the store, both ends included, as the date inputs hold them (YYYY-MM-DD). */
export type DayRange = { from: string; to: string }

const DAY_MS = 24 * 60 * 60 * 1000

export const dayOf = (date: Date) => date.toISOString().slice(0, 10)

/** A date's day on the admin's own calendar (the merchant's, usually the store's time zone). */
const localDay = (date: Date) => date.toLocaleDateString("en-CA")

/** The last `days` days, today included. */
export const lastDays = (days: number): DayRange => ({
  from: localDay(new Date(Date.now() - (days - 1) * DAY_MS)),
  to: localDay(new Date()),
})

export const isValidRange = (range: DayRange) =>
  /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to) && range.from <= range.to

/** The API's half-open range of the store's days (its time zone): the first day up to the day after the last. */
export const toQuery = (range: DayRange) => ({
  from: range.from,
  to: dayOf(new Date(Date.parse(`${range.to}T00:00:00.000Z`) + DAY_MS)),
})

/** Every day of the range, so the chart shows the quiet days too. */
export function daysIn(range: DayRange): string[] {
  const days: string[] = []
  for (
    let at = Date.parse(`${range.from}T00:00:00.000Z`);
    at <= Date.parse(`${range.to}T00:00:00.000Z`);
    at += DAY_MS
  ) {
    days.push(dayOf(new Date(at)))
  }
  return days
}
