import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { ExportedEvent, ExportPageQuery } from "./export/types"
import { entityIds } from "./ingest/entity-ids"
import type { NewClickEvent } from "./ingest/types"
import ClickEvent from "./models/click-event"
import type { PurchaseInput } from "./purchases/types"
import { funnelOf } from "./stats/funnel"
import type { ClickStats, ClickStatsFilter } from "./stats/types"

type CountRow = { count: string | number }
/** The model's id prefix (`model.id({ prefix: "clk" })`), for rows inserted in SQL. */
const ID_PREFIX = "clk"
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

  /**
   * A shopper's batch in one multi-row INSERT: the ingest hot path, so no ORM unit of work
   * (entity objects, change sets) for what is a plain append of up to a hundred rows.
   */
  @InjectManager()
  async insertEvents(events: NewClickEvent[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.manager as SqlEntityManager
    const ids = entityIds(ID_PREFIX, events.length)
    await manager.execute(
      `INSERT INTO click_event (id, type, session_id, customer_id, product_id, category_id, details, occurred_at, received_at)
       VALUES ${events.map(() => `(?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`).join(", ")}`,
      events.flatMap((event, index) => [
        ids[index],
        event.type,
        event.session_id,
        event.customer_id,
        event.product_id,
        event.category_id,
        event.details === null ? null : JSON.stringify(event.details),
        event.occurred_at,
        event.received_at,
      ]),
      "run"
    )
  }

  /** Ties the sessions' anonymous events to the customer who now reports from them: one UPDATE. */
  @InjectManager()
  async claimSessions(customerId: string, sessionIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.manager as SqlEntityManager
    await manager.execute(
      `UPDATE click_event SET customer_id = ?, updated_at = now()
        WHERE session_id IN (${sessionIds.map(() => "?").join(", ")}) AND customer_id IS NULL AND deleted_at IS NULL`,
      [customerId, ...sessionIds],
      "run"
    )
  }

  /**
   * Records purchases in one insert. A course is counted once per order: a repeat (order.placed
   * delivered twice, two subscribers racing) hits the unique index and is skipped, not failed.
   * Returns how many were new.
   */
  @InjectManager()
  async recordPurchases(purchases: PurchaseInput[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    if (!purchases.length) {
      return 0
    }
    const manager = sharedContext.manager as SqlEntityManager
    const receivedAt = new Date()
    const ids = entityIds(ID_PREFIX, purchases.length)
    const inserted = await manager.execute<{ id: string }[]>(
      `INSERT INTO click_event (id, type, customer_id, product_id, order_id, details, occurred_at, received_at)
       VALUES ${purchases.map(() => `(?, 'purchase', ?, ?, ?, ?::jsonb, ?, ?)`).join(", ")}
       ON CONFLICT (order_id, product_id) WHERE type = 'purchase' AND deleted_at IS NULL DO NOTHING
       RETURNING id`,
      purchases.flatMap((purchase, index) => [
        ids[index],
        purchase.customer_id,
        purchase.product_id,
        purchase.order_id,
        JSON.stringify({ quantity: purchase.quantity }),
        purchase.occurred_at,
        receivedAt,
      ])
    )
    return inserted.length
  }

  /**
   * One page of raw events for the CSV export, by keyset on (occurred_at, id): each page is a
   * short indexed query, so a long download holds no connection or transaction open between pages.
   */
  @InjectManager()
  async listExportPage(query: ExportPageQuery, @MedusaContext() sharedContext: Context = {}): Promise<ExportedEvent[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const after = query.after ? `AND (occurred_at, id) > (?::timestamptz, ?)` : ""
    return manager.execute<ExportedEvent[]>(
      `SELECT id, type, occurred_at, received_at, customer_id, session_id, product_id, category_id, order_id, details,
              occurred_at::text AS cursor
         FROM click_event
        WHERE deleted_at IS NULL AND occurred_at >= ? AND occurred_at < ? ${after}
        ORDER BY occurred_at, id
        LIMIT ${Number(query.limit)}`,
      [query.from, query.to, ...(query.after ? [query.after.cursor, query.after.id] : [])]
    )
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

    // Totals by type are the daily counts added up: one scan of the range fewer.
    const [courses, daily, searches] = await Promise.all([
      query<{ product_id: string; views: string; add_to_cart: string; checkout_start: string; purchases: string }>(
        `SELECT product_id,
                count(*) FILTER (WHERE type = 'product_view') AS views,
                count(*) FILTER (WHERE type = 'add_to_cart') AS add_to_cart,
                count(*) FILTER (WHERE type = 'checkout_start') AS checkout_start,
                count(*) FILTER (WHERE type = 'purchase') AS purchases
           FROM click_event WHERE ${scope} AND product_id IS NOT NULL GROUP BY product_id`
      ),
      query<{ day: string; type: string } & CountRow>(
        // Binned on a UTC midnight, formatted only once per group: cheaper per row than to_char.
        `SELECT to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, type, count
           FROM (SELECT date_bin('1 day', occurred_at, timestamptz '2000-01-01T00:00:00Z') AS day, type, count(*)
                   FROM click_event WHERE ${scope} GROUP BY 1, 2) AS daily
          ORDER BY 1, 2`
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
    const totals: Record<string, number> = {}
    for (const row of daily) {
      days.set(row.day, { ...(days.get(row.day) ?? {}), [row.type]: count(row) })
      totals[row.type] = (totals[row.type] ?? 0) + count(row)
    }

    return {
      range: { from: filter.from.toISOString(), to: filter.to.toISOString() },
      totals,
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
