import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import ClickEvent from "./models/click-event"
import { funnelOf } from "./stats/funnel"
import type { ClickStats, ClickStatsFilter } from "./stats/types"

type CountRow = { count: string | number }
const TOP = 10

/** Records shopper events and answers the admin's analytics queries. */
class ClickTrackingModuleService extends MedusaService({ ClickEvent }) {
  /** Retention: one DELETE in PostgreSQL, however many events are old. Returns how many went. */
  @InjectManager()
  async deleteEventsBefore(before: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.manager as SqlEntityManager
    const [{ count }] = await manager.execute<CountRow[]>(
      `WITH deleted AS (DELETE FROM click_event WHERE occurred_at < ? RETURNING 1) SELECT count(*) FROM deleted`,
      [before]
    )
    return Number(count)
  }

  /** Aggregates in PostgreSQL (served by the table's indexes), never in memory. */
  @InjectManager()
  async computeStats(filter: ClickStatsFilter, @MedusaContext() sharedContext: Context = {}): Promise<ClickStats> {
    const manager = sharedContext.manager as SqlEntityManager
    const where = [`deleted_at IS NULL`, `occurred_at >= ?`, `occurred_at < ?`]
    const params: unknown[] = [filter.from, filter.to]
    if (filter.productIds) {
      // One placeholder per id: the query builder expands arrays itself.
      where.push(filter.productIds.length ? `product_id IN (${filter.productIds.map(() => "?").join(", ")})` : "false")
      params.push(...filter.productIds)
    }
    const scope = where.join(" AND ")
    const query = <T>(sql: string) => manager.execute<T[]>(sql, params)
    const count = (row: CountRow) => Number(row.count)

    const [totals, courses, daily, searches] = await Promise.all([
      query<{ type: string } & CountRow>(`SELECT type, count(*) FROM click_event WHERE ${scope} GROUP BY type`),
      query<{ product_id: string; views: string; add_to_cart: string; checkout_start: string; purchases: string }>(
        `SELECT product_id,
                count(*) FILTER (WHERE type = 'product_view') AS views,
                count(*) FILTER (WHERE type = 'add_to_cart') AS add_to_cart,
                count(*) FILTER (WHERE type = 'checkout_start') AS checkout_start,
                count(*) FILTER (WHERE type = 'purchase') AS purchases
           FROM click_event WHERE ${scope} AND product_id IS NOT NULL GROUP BY product_id`
      ),
      query<{ day: string; type: string } & CountRow>(
        `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, type, count(*)
           FROM click_event WHERE ${scope} GROUP BY 1, 2 ORDER BY 1`
      ),
      query<{ query: string } & CountRow>(
        `SELECT lower(trim(details->>'query')) AS query, count(*) FROM click_event
          WHERE ${scope} AND type = 'search' AND coalesce(trim(details->>'query'), '') <> ''
          GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`
      ),
    ])

    const perCourse = courses.map((row) => ({
      product_id: row.product_id,
      ...funnelOf({
        views: Number(row.views),
        add_to_cart: Number(row.add_to_cart),
        checkout_start: Number(row.checkout_start),
        purchases: Number(row.purchases),
      }),
    }))
    const sum = (key: "views" | "add_to_cart" | "checkout_start" | "purchases") =>
      perCourse.reduce((total, course) => total + course[key], 0)

    const days = new Map<string, Record<string, number>>()
    for (const row of daily) {
      days.set(row.day, { ...(days.get(row.day) ?? {}), [row.type]: count(row) })
    }

    return {
      range: { from: filter.from.toISOString(), to: filter.to.toISOString() },
      totals: Object.fromEntries(totals.map((row) => [row.type, count(row)])),
      funnel: funnelOf({ views: sum("views"), add_to_cart: sum("add_to_cart"), checkout_start: sum("checkout_start"), purchases: sum("purchases") }),
      courses: perCourse.sort((a, b) => b.views - a.views || a.product_id.localeCompare(b.product_id)),
      daily: [...days].map(([day, counts]) => ({ day, counts })),
      top_courses: [...perCourse]
        .sort((a, b) => b.purchases - a.purchases || b.views - a.views || a.product_id.localeCompare(b.product_id))
        .slice(0, TOP)
        .map(({ product_id, purchases, views }) => ({ product_id, purchases, views })),
      top_searches: searches.map((row) => ({ query: row.query, count: count(row) })),
    }
  }
}

export default ClickTrackingModuleService
