#!/usr/bin/env node
/**
 * Click statistics at scale: the SQL that GET /admin/clicks/stats runs (the click-tracking module's
 * own query builders, from the built plugin), served by the hourly rollups beside the same
 * statistics read from raw events only, in the same run, on the same data: first 1,000,000 events,
 * then 10,000,000, spread over 30 days (the mix of the ingest benchmark: 55% product views, 15%
 * searches over 300 queries, 15 courses). At each size it also times what the rollup triggers add
 * to the ingest's statement (100 events), with the triggers and without.
 *
 * It works in a scratch database of its own on the given PostgreSQL (created with the plugin's own
 * migrations, dropped at the end), so no store needs to run. Build the plugins first
 * (`npm run build:plugins`).
 *
 *   node scripts/bench/clicks-stats.mjs [--url postgres://postgres@127.0.0.1:5432/postgres] [--sizes 1000000,10000000] [--rounds 20] [--raw-rounds 5]
 */
import { randomBytes } from "node:crypto"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { parseArgs } from "node:util"
import pg from "pg"
import { percentiles, time } from "./measure.mjs"
import { recordFigures } from "./results.mjs"

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
    sizes: { type: "string", default: "1000000,10000000" },
    rounds: { type: "string", default: "20" },
    "raw-rounds": { type: "string", default: "5" },
  },
})
const SIZES = args.sizes.split(",").map(Number)
const ROUNDS = Number(args.rounds)
const RAW_ROUNDS = Number(args["raw-rounds"])
const CHUNK = 1_000_000
const DAY_MS = 24 * 60 * 60 * 1000

const require = createRequire(import.meta.url)
// The module's files from the built plugin (its package exports name only the module's index).
const moduleDir = join(
  dirname(require.resolve("@aistore/medusa-click-tracking/package.json")),
  ".medusa/server/src/modules/click-tracking"
)
const plugin = (path) => require(join(moduleDir, path))
const { countsQuery, searchesQuery } = plugin("stats/queries")
const { statsOf } = plugin("stats/stats-of")
const MIGRATIONS = ["Migration20261126085318", "Migration20261126101618", "Migration20261130220000"]

/** The SQL a MikroORM migration would run: its `up()` with addSql collected. */
async function migrationSql() {
  const statements = []
  for (const name of MIGRATIONS) {
    const Migration = plugin(`migrations/${name}`)[name]
    const migration = Object.create(Migration.prototype)
    migration.addSql = (sql) => statements.push(sql)
    await migration.up()
  }
  return statements
}

/** `?` placeholders (the module's entity manager) as pg's `$n`. */
const numbered = (sql) => {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

const admin = new pg.Client({ connectionString: args.url })
await admin.connect()
const name = `aistore_bench_clicks_${randomBytes(4).toString("hex")}`
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(args.url)
url.pathname = `/${name}`
const db = new pg.Pool({ connectionString: url.toString(), max: 2 })

async function addEvents(from, to, now) {
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK)
    await db.query(
      `INSERT INTO click_event (id, type, session_id, product_id, details, occurred_at, received_at)
       SELECT 'clk_b' || n, t.type, 'bench-' || (n % 50000),
              CASE WHEN t.type = 'search' THEN NULL ELSE 'prod_' || (n % 15) END,
              CASE WHEN t.type = 'search' THEN jsonb_build_object('query', 'курс ' || (n % 300)) END,
              $3::timestamptz - (n % 2592000) * interval '1 second', $3::timestamptz
         FROM generate_series($1::int, $2::int) AS n
         CROSS JOIN LATERAL (SELECT CASE
           WHEN n % 100 < 55 THEN 'product_view'
           WHEN n % 100 < 70 THEN 'search'
           WHEN n % 100 < 82 THEN 'add_to_cart'
           WHEN n % 100 < 88 THEN 'remove_from_cart'
           WHEN n % 100 < 94 THEN 'checkout_start'
           WHEN n % 100 < 97 THEN 'purchase'
           ELSE 'share' END AS type) AS t`,
      [start + 1, end, now]
    )
    process.stdout.write(`  ${end.toLocaleString("en-US")} events\r`)
  }
  await db.query("VACUUM ANALYZE click_event")
  await db.query("ANALYZE click_hourly")
  await db.query("ANALYZE click_search_hourly")
}

/**
 * What the rollup triggers cost the ingest: 200 statements of 100 events each (the ingest's batch,
 * one multi-row INSERT as the module runs it), with the triggers, then with them disabled.
 */
async function ingestCost(now) {
  const batch = async (tag, round) => {
    const rows = Array.from({ length: 100 }, (_, index) => {
      const n = round * 100 + index
      return `('clk_${tag}${n}', '${["product_view", "add_to_cart", "search"][n % 3]}', 'bench-${n % 500}', 'prod_${n % 15}', NULL, $1::timestamptz, $1::timestamptz)`
    })
    await db.query(
      `INSERT INTO click_event (id, type, session_id, product_id, details, occurred_at, received_at) VALUES ${rows.join(", ")}`,
      [now]
    )
  }
  const measureBatches = async (tag) => {
    const samples = []
    for (let round = 0; round < 200; round++) {
      samples.push(await time(() => batch(tag, round)))
    }
    return percentiles(samples)
  }
  const withTriggers = await measureBatches("iT")
  await db.query("ALTER TABLE click_event DISABLE TRIGGER USER")
  const without = await measureBatches("iN")
  // Each set leaves the way it came, so rollups and raw events keep agreeing.
  await db.query("DELETE FROM click_event WHERE id LIKE 'clk_iN%'")
  await db.query("ALTER TABLE click_event ENABLE TRIGGER USER")
  await db.query("DELETE FROM click_event WHERE id LIKE 'clk_iT%'")
  return { withTriggers, without }
}

async function stats(filter, rollups) {
  const run = ({ sql, params }) => db.query(numbered(sql), params).then((result) => result.rows)
  const [counts, searches] = await Promise.all([
    run(countsQuery(filter, { rollups })),
    run(searchesQuery(filter, { rollups })),
  ])
  return statsOf(filter, counts, searches)
}

async function measure(filter, rollups, rounds) {
  await stats(filter, rollups) // warm the cache
  const samples = []
  for (let round = 0; round < rounds; round++) {
    samples.push(await time(() => stats(filter, rollups)))
  }
  return percentiles(samples)
}

/** JSON with object keys sorted: the same statistics compare equal whatever order the counts came in. */
const canonical = (value) =>
  JSON.stringify(value, (_key, item) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item
  )

const ms = (value) => `${Math.round(value).toLocaleString("en-US")} ms`
const results = []
try {
  for (const sql of await migrationSql()) {
    await db.query(sql)
  }
  const now = new Date()
  // Odd ends, as the admin's "last 30 days" from now gives: partial hours at both ends.
  const scopes = {
    "30 days": { from: new Date(now.getTime() - 30 * DAY_MS + 1234), to: new Date(now.getTime() + 1) },
    "7 days": { from: new Date(now.getTime() - 7 * DAY_MS + 1234), to: new Date(now.getTime() + 1) },
    "30 days, one course": {
      from: new Date(now.getTime() - 30 * DAY_MS + 1234),
      to: new Date(now.getTime() + 1),
      productIds: ["prod_3"],
    },
  }
  let loaded = 0
  for (const size of SIZES) {
    console.log(`Loading ${size.toLocaleString("en-US")} events…`)
    const loadMs = await time(() => addEvents(loaded, size, now))
    loaded = size
    console.log(`  loaded in ${ms(loadMs)} (rollups kept by the triggers as they went in)`)
    const ingest = await ingestCost(now)
    const fixed = (value) => `${value.toFixed(2)} ms`
    console.log(
      `  ingest, one INSERT of 100 events: with the rollup triggers median ${fixed(ingest.withTriggers.median)}, ` +
        `p95 ${fixed(ingest.withTriggers.p95)} | without them median ${fixed(ingest.without.median)}, p95 ${fixed(ingest.without.p95)}`
    )
    for (const [label, scope] of Object.entries(scopes)) {
      const filter = { ...scope, timeZone: "Europe/Moscow" }
      const [fromRollups, fromRaw] = [await stats(filter, true), await stats(filter, false)]
      const differing = Object.keys(fromRaw).filter((key) => canonical(fromRollups[key]) !== canonical(fromRaw[key]))
      const exact = differing.length === 0
      if (!exact) {
        console.log(`  ${label}: rollups and raw differ in ${differing.join(", ")}`)
        for (const key of differing) {
          console.log(
            `    rollups ${canonical(fromRollups[key]).slice(0, 400)}\n    raw     ${canonical(fromRaw[key]).slice(0, 400)}`
          )
        }
      }
      const rollup = await measure(filter, true, ROUNDS)
      const raw = await measure(filter, false, RAW_ROUNDS)
      results.push({ size, label, rollup, raw, exact })
      console.log(
        `  ${label}: rollups median ${ms(rollup.median)}, p95 ${ms(rollup.p95)} | raw median ${ms(raw.median)}, p95 ${ms(raw.p95)} | same answer: ${exact}`
      )
    }
  }
  console.log("\n| events | stats | rollups median | rollups p95 | raw median | raw p95 | same answer |")
  console.log("| --- | --- | --- | --- | --- | --- | --- |")
  for (const { size, label, rollup, raw, exact } of results) {
    console.log(
      `| ${size.toLocaleString("en-US")} | ${label} | ${ms(rollup.median)} | ${ms(rollup.p95)} | ${ms(raw.median)} | ${ms(raw.p95)} | ${exact ? "yes" : "NO"} |`
    )
  }
  recordFigures(
    "clicks-stats",
    results.map(({ size, label, rollup, raw }) => ({
      what: `stats ${label}, ${size.toLocaleString("en-US")} events, from rollups, median`,
      value: rollup.median,
      unit: "ms",
      baseline: { what: "from raw events, median", value: raw.median },
    }))
  )
  if (results.some((result) => !result.exact)) {
    process.exitCode = 1
  }
} finally {
  await db.end()
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  await admin.end()
}
