import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { ExportedEvent, ExportPageQuery } from "./export/types"
import { entityIds } from "./ingest/entity-ids"
import type { NewClickEvent } from "./ingest/types"
import ClickEvent from "./models/click-event"
import type { PurchaseInput } from "./purchases/types"
import { countsQuery, searchesQuery, type CountRow, type SearchRow, type Sql } from "./stats/queries"
import { statsOf } from "./stats/stats-of"
import type { ClickStats, ClickStatsFilter } from "./stats/types"

type DeletedRow = { count: string | number }
/** The model's id prefix (`model.id({ prefix: "clk" })`), for rows inserted in SQL. */
const ID_PREFIX = "clk"
const RETENTION_BATCH = 10_000
/** How far back a signed-in shopper's session takes its anonymous events along. */
const CLAIM_WINDOW = "24 hours"

/** Records shopper events and answers the admin's analytics queries. */
class ClickTrackingModuleService extends MedusaService({ ClickEvent }) {
  /**
   * Retention: deletes in batches of `batchSize`, each its own short statement found through the
   * occurred_at index, so a year of backlog never holds one long transaction or lock. Returns how many went.
   */
  @InjectManager()
  async deleteEventsBefore(
    before: Date,
    batchSize = RETENTION_BATCH,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const manager = sharedContext.manager as SqlEntityManager
    const deleteBatch = async (which: string) => {
      const [{ count }] = await manager.execute<DeletedRow[]>(
        `WITH doomed AS (SELECT id FROM click_event WHERE ${which} AND occurred_at < ? ORDER BY occurred_at LIMIT ${Number(batchSize)}),
              deleted AS (DELETE FROM click_event WHERE id IN (SELECT id FROM doomed) RETURNING 1)
         SELECT count(*) FROM deleted`,
        [before]
      )
      return Number(count)
    }
    let total = 0
    // Live events through the (partial) occurred_at index, then any soft-deleted ones (the module makes none).
    for (const which of ["deleted_at IS NULL", "deleted_at IS NOT NULL"]) {
      for (let deleted = batchSize; deleted === batchSize;) {
        deleted = await deleteBatch(which)
        total += deleted
      }
    }
    return total
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

  /**
   * Ties the sessions' recent anonymous events (the last CLAIM_WINDOW) to the customer who now
   * reports from them: one UPDATE. Older ones stay anonymous.
   */
  @InjectManager()
  async claimSessions(
    customerId: string,
    sessionIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.manager as SqlEntityManager
    await manager.execute(
      `UPDATE click_event SET customer_id = ?, updated_at = now()
        WHERE session_id IN (${sessionIds.map(() => "?").join(", ")}) AND customer_id IS NULL AND deleted_at IS NULL
          AND occurred_at >= now() - interval '${CLAIM_WINDOW}'`,
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

  /**
   * Statistics from the hourly rollups (exact: the partial hours at either end come from the raw
   * events), aggregated in PostgreSQL to a row per day, type and course; `rollups: false` reads only
   * raw events (the benchmark's baseline, and the check that both agree).
   */
  @InjectManager()
  async computeStats(
    filter: ClickStatsFilter,
    { rollups = true }: { rollups?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClickStats> {
    const manager = sharedContext.manager as SqlEntityManager
    const run = <T>({ sql, params }: Sql) => manager.execute<T[]>(sql, params)
    const [counts, searches] = await Promise.all([
      run<CountRow>(countsQuery(filter, { rollups })),
      run<SearchRow>(searchesQuery(filter, { rollups })),
    ])
    return statsOf(filter, counts, searches)
  }
}

export default ClickTrackingModuleService
