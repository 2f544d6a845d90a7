import type { ClickStatsFilter } from "./types"

/** One SQL statement with `?` placeholders, as the module's entity manager executes it. */
export type Sql = { sql: string; params: unknown[] }

export type CountRow = { day: string; type: string; product_id: string | null; count: string | number }
export type SearchRow = { query: string; count: string | number }

const HOUR_MS = 60 * 60 * 1000
const TOP = 10

const ceilTo = (date: Date, unit: number) => new Date(Math.ceil(date.getTime() / unit) * unit)
const floorTo = (date: Date, unit: number) => new Date(Math.floor(date.getTime() / unit) * unit)
const marks = (values: unknown[]) => values.map(() => "?").join(", ")

/** The course (or category) filter, on the raw table and on the rollup alike. */
function scopeOf(filter: ClickStatsFilter): Sql {
  if (!filter.productIds) {
    return { sql: "true", params: [] }
  }
  const courses = filter.productIds.length ? `product_id IN (${marks(filter.productIds)})` : "false"
  // A category's own page views count for it too, beside its courses' events.
  return filter.categoryId
    ? { sql: `(${courses} OR category_id = ?)`, params: [...filter.productIds, filter.categoryId] }
    : { sql: courses, params: [...filter.productIds] }
}

/**
 * The events of the range as (time, type, course, count): whole UTC hours from the hourly rollup,
 * the partial hours at either end from the raw table (so any range is exact), or only raw events
 * when `rollups` is false (the benchmark's baseline).
 */
function eventsOf(filter: ClickStatsFilter, rollups: boolean): Sql {
  const scope = scopeOf(filter)
  const firstHour = ceilTo(filter.from, HOUR_MS)
  const lastHour = floorTo(filter.to, HOUR_MS)
  const raw = (ranges: [Date, Date][]): Sql => ({
    sql: `SELECT occurred_at AS at, type, product_id, 1 AS count FROM click_event
           WHERE deleted_at IS NULL AND (${ranges.map(() => "(occurred_at >= ? AND occurred_at < ?)").join(" OR ")})
             AND ${scope.sql}`,
    params: [...ranges.flat(), ...scope.params],
  })
  if (!rollups || firstHour >= lastHour) {
    return raw([[filter.from, filter.to]])
  }
  const edges = raw([
    [filter.from, firstHour],
    [lastHour, filter.to],
  ])
  return {
    sql: `SELECT hour AS at, type, nullif(product_id, '') AS product_id, count FROM click_hourly
           WHERE hour >= ? AND hour < ? AND ${scope.sql}
          UNION ALL ${edges.sql}`,
    params: [firstHour, lastHour, ...scope.params, ...edges.params],
  }
}

/** Counts by day of the store's time zone, type and course: everything but the searches. */
export function countsQuery(filter: ClickStatsFilter, { rollups = true } = {}): Sql {
  const events = eventsOf(filter, rollups)
  return {
    sql: `SELECT to_char(day, 'YYYY-MM-DD') AS day, type, product_id, count
            FROM (SELECT (at AT TIME ZONE ?)::date AS day, type, product_id, sum(count) AS count
                    FROM (${events.sql}) AS events GROUP BY 1, 2, 3) AS counted
           WHERE count <> 0`,
    params: [filter.timeZone, ...events.params],
  }
}

/**
 * The most frequent search queries, case-folded: from the hourly search rollup plus the raw partial
 * hours at either end; raw only for a course or category (searches carry neither, so that is small)
 * or when `rollups` is false.
 */
export function searchesQuery(filter: ClickStatsFilter, { rollups = true } = {}): Sql {
  const scope = scopeOf(filter)
  const firstHour = ceilTo(filter.from, HOUR_MS)
  const lastHour = floorTo(filter.to, HOUR_MS)
  const raw = (ranges: [Date, Date][]): Sql => ({
    sql: `SELECT lower(trim(details->>'query')) AS query, 1 AS count FROM click_event
           WHERE deleted_at IS NULL AND (${ranges.map(() => "(occurred_at >= ? AND occurred_at < ?)").join(" OR ")})
             AND ${scope.sql} AND type = 'search' AND coalesce(trim(details->>'query'), '') <> ''`,
    params: [...ranges.flat(), ...scope.params],
  })
  const searches: Sql =
    !rollups || filter.productIds || firstHour >= lastHour
      ? raw([[filter.from, filter.to]])
      : (() => {
          const edges = raw([
            [filter.from, firstHour],
            [lastHour, filter.to],
          ])
          return {
            sql: `SELECT query, count FROM click_search_hourly WHERE hour >= ? AND hour < ? UNION ALL ${edges.sql}`,
            params: [firstHour, lastHour, ...edges.params],
          }
        })()
  return {
    sql: `SELECT query, sum(count) AS count FROM (${searches.sql}) AS searches
           GROUP BY 1 HAVING sum(count) > 0 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
    params: searches.params,
  }
}
