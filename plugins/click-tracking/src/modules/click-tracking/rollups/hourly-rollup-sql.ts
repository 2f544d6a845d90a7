/**
 * Hourly rollups of click_event, kept exact by PostgreSQL itself: statement-level triggers add
 * every inserted row, remove every deleted one and move every updated one (soft deletes too), in
 * the same transaction as the change, whoever makes it (the ingest, purchases, retention, SQL by
 * hand). Statistics then read a few thousand rollup rows instead of millions of events.
 *
 * - click_hourly: counts by hour, type, course and category (totals, funnel, courses, days);
 * - click_search_hourly: search queries (case-folded) by hour (top searches).
 *
 * Hours are UTC hours, so any store time zone with a whole-hour offset (every Russian zone) cuts
 * its days on rollup boundaries.
 */

const HOUR = `date_trunc('hour', occurred_at, 'UTC')`
const SEARCH_QUERY = `lower(trim(details->>'query'))`
const IS_SEARCH = `type = 'search' AND coalesce(trim(details->>'query'), '') <> ''`

/** What each rollup keeps of a live event row: its key columns. */
const ROLLUPS = [
  {
    table: "click_hourly",
    keys: ["hour", "type", "product_id", "category_id"],
    values: [HOUR, "type", "coalesce(product_id, '')", "coalesce(category_id, '')"],
    where: "true",
  },
  { table: "click_search_hourly", keys: ["hour", "query"], values: [HOUR, SEARCH_QUERY], where: IS_SEARCH },
]

/**
 * Adds the transition tables' live rows to each rollup (sign 1 for `new_rows`, -1 for `old_rows`),
 * netted per key and in key order (so concurrent statements never deadlock on the rollup's rows).
 */
const apply = (sources: { table: string; sign: 1 | -1 }[]) =>
  ROLLUPS.map(({ table, keys, values, where }) => {
    const rows = sources
      .map(
        ({ table: source, sign }) =>
          `SELECT ${values.join(", ")}, ${sign} AS n FROM ${source} WHERE deleted_at IS NULL AND ${where}`
      )
      .join(" UNION ALL ")
    const columns = keys.map((_, index) => index + 1).join(", ")
    return `INSERT INTO ${table} (${keys.join(", ")}, count)
      SELECT ${keys.map((_, index) => `k${index + 1}`).join(", ")}, sum(n) FROM (${rows}) AS changed (${keys
        .map((_, index) => `k${index + 1}`)
        .join(", ")}, n)
       GROUP BY ${columns} HAVING sum(n) <> 0 ORDER BY ${columns}
      ON CONFLICT (${keys.join(", ")}) DO UPDATE SET count = ${table}.count + excluded.count;`
  }).join("\n")

const triggerFunction = (name: string, body: string) =>
  `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${body}
     RETURN NULL;
   END $$;`

export const CREATE_HOURLY_ROLLUP = [
  `CREATE TABLE IF NOT EXISTS click_hourly (
     hour timestamptz NOT NULL,
     type text NOT NULL,
     product_id text NOT NULL DEFAULT '',
     category_id text NOT NULL DEFAULT '',
     count bigint NOT NULL,
     PRIMARY KEY (hour, type, product_id, category_id)
   );`,
  `CREATE TABLE IF NOT EXISTS click_search_hourly (
     hour timestamptz NOT NULL,
     query text NOT NULL,
     count bigint NOT NULL,
     PRIMARY KEY (hour, query)
   );`,
  triggerFunction("click_rollups_on_insert", apply([{ table: "new_rows", sign: 1 }])),
  // Zero rows left by deletes (retention) go; an update nets to nothing unless it moved an event.
  triggerFunction(
    "click_rollups_on_delete",
    `${apply([{ table: "old_rows", sign: -1 }])}
     DELETE FROM click_hourly WHERE count = 0 AND hour IN (SELECT DISTINCT ${HOUR} FROM old_rows);
     DELETE FROM click_search_hourly WHERE count = 0 AND hour IN (SELECT DISTINCT ${HOUR} FROM old_rows);`
  ),
  triggerFunction(
    "click_rollups_on_update",
    apply([
      { table: "old_rows", sign: -1 },
      { table: "new_rows", sign: 1 },
    ])
  ),
  `DROP TRIGGER IF EXISTS click_rollups_insert ON click_event;`,
  `CREATE TRIGGER click_rollups_insert AFTER INSERT ON click_event REFERENCING NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION click_rollups_on_insert();`,
  `DROP TRIGGER IF EXISTS click_rollups_delete ON click_event;`,
  `CREATE TRIGGER click_rollups_delete AFTER DELETE ON click_event REFERENCING OLD TABLE AS old_rows
     FOR EACH STATEMENT EXECUTE FUNCTION click_rollups_on_delete();`,
  `DROP TRIGGER IF EXISTS click_rollups_update ON click_event;`,
  `CREATE TRIGGER click_rollups_update AFTER UPDATE ON click_event REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION click_rollups_on_update();`,
  // Events recorded before the rollups existed.
  `TRUNCATE click_hourly, click_search_hourly;`,
  `INSERT INTO click_hourly (hour, type, product_id, category_id, count)
   SELECT ${HOUR}, type, coalesce(product_id, ''), coalesce(category_id, ''), count(*)
     FROM click_event WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;`,
  `INSERT INTO click_search_hourly (hour, query, count)
   SELECT ${HOUR}, ${SEARCH_QUERY}, count(*) FROM click_event WHERE deleted_at IS NULL AND ${IS_SEARCH} GROUP BY 1, 2;`,
]

export const DROP_HOURLY_ROLLUP = [
  `DROP TRIGGER IF EXISTS click_rollups_insert ON click_event;`,
  `DROP TRIGGER IF EXISTS click_rollups_delete ON click_event;`,
  `DROP TRIGGER IF EXISTS click_rollups_update ON click_event;`,
  `DROP FUNCTION IF EXISTS click_rollups_on_insert();`,
  `DROP FUNCTION IF EXISTS click_rollups_on_delete();`,
  `DROP FUNCTION IF EXISTS click_rollups_on_update();`,
  `DROP TABLE IF EXISTS click_hourly;`,
  `DROP TABLE IF EXISTS click_search_hourly;`,
]
