import { funnelOf } from "./funnel"
import type { CountRow, SearchRow } from "./queries"
import type { ClickStats, ClickStatsFilter } from "./types"

const TOP = 10
type Counts = Record<string, number>

const add = (counts: Counts, type: string, n: number) => {
  counts[type] = (counts[type] ?? 0) + n
}

const funnelCounts = (counts: Counts) => ({
  views: counts.product_view ?? 0,
  add_to_cart: counts.add_to_cart ?? 0,
  checkout_start: counts.checkout_start ?? 0,
  purchases: counts.purchase ?? 0,
})

type FunnelStep = "views" | "add_to_cart" | "checkout_start" | "purchases"
const sum = (courses: Record<FunnelStep, number>[], step: FunnelStep) =>
  courses.reduce((total, course) => total + course[step], 0)

/** The statistics from the counts per day, type and course, and the top searches. */
export function statsOf(filter: ClickStatsFilter, rows: CountRow[], searches: SearchRow[]): ClickStats {
  const totals: Counts = {}
  const days = new Map<string, Counts>()
  const courses = new Map<string, Counts>()
  for (const row of rows) {
    const n = Number(row.count)
    add(totals, row.type, n)
    add(days.get(row.day) ?? days.set(row.day, {}).get(row.day)!, row.type, n)
    if (row.product_id) {
      add(courses.get(row.product_id) ?? courses.set(row.product_id, {}).get(row.product_id)!, row.type, n)
    }
  }
  const perCourse = [...courses].map(([product_id, counts]) => ({ product_id, ...funnelOf(funnelCounts(counts)) }))
  return {
    range: { from: filter.from.toISOString(), to: filter.to.toISOString() },
    time_zone: filter.timeZone,
    totals,
    // Over the courses' events (an event without a course is in no course's funnel).
    funnel: funnelOf({
      views: sum(perCourse, "views"),
      add_to_cart: sum(perCourse, "add_to_cart"),
      checkout_start: sum(perCourse, "checkout_start"),
      purchases: sum(perCourse, "purchases"),
    }),
    courses: perCourse.sort((a, b) => b.views - a.views || a.product_id.localeCompare(b.product_id)),
    daily: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, counts })),
    top_courses: [...perCourse]
      .sort((a, b) => b.purchases - a.purchases || b.views - a.views || a.product_id.localeCompare(b.product_id))
      .slice(0, TOP)
      .map(({ product_id, purchases, views }) => ({ product_id, purchases, views })),
    top_searches: searches.map((row) => ({ query: row.query, count: Number(row.count) })),
  }
}
