#!/usr/bin/env node
/**
 * Click-tracking benchmark, against a running local store (`npm start`):
 *
 * 1. Ingest: events/s through POST /store/clicks with 100 events per request, side by side
 *    with one event per request, same run, same concurrency. Shoppers are signed-in Telegram
 *    customers, as in the Mini App; the load is spread over enough of them that none goes over
 *    the plugin's per-client rate limit (1000 events a minute by default), so what is measured
 *    is ingest, not the limiter turning clients away.
 * 2. Statistics: GET /admin/clicks/stats latency (median, p95) with 1,000,000 events in the
 *    table, bulk-inserted with generate_series straight into the store's database; and one
 *    streamed CSV export of all of them.
 *
 * Everything it writes is removed at the end (events by their bench marks; the Telegram test
 * customers stay, as with the login benchmark). Uses the bot token and admin that `npm start`
 * made (.local/state.json) and the store's database (DATABASE_URL, else local mode's).
 *
 *   node scripts/bench/clicks.mjs [--concurrency 16] [--batched 50000] [--single 5000] [--rows 1000000] [--rounds 20]
 */
import { randomBytes, randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { sign } from "@telegram-apps/init-data-node"
import pg from "pg"
import { EMBEDDED_DATABASE_NAME, EMBEDDED_DATABASE_PORT } from "../local/embedded-database.mjs"
import { httpClient } from "./http.mjs"
import { percentiles, time } from "./measure.mjs"
import { recordFigures } from "./results.mjs"

const { values: args } = parseArgs({
  options: {
    concurrency: { type: "string", default: "16" },
    batched: { type: "string", default: "50000" },
    single: { type: "string", default: "5000" },
    rows: { type: "string", default: "1000000" },
    rounds: { type: "string", default: "20" },
  },
})
const CONCURRENCY = Number(args.concurrency)
const BATCHED_EVENTS = Number(args.batched)
const SINGLE_EVENTS = Number(args.single)
const ROWS = Number(args.rows)
const ROUNDS = Number(args.rounds)
const BATCH = 100
/** Events one bench customer sends in all: under the default limit of 1000 a minute. */
const PER_CUSTOMER = 900

const BACKEND = process.env.BACKEND_URL ?? "http://localhost:9000"
const state = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", ".local", "state.json"), "utf8"))
const botToken = process.env.TELEGRAM_BOT_TOKEN ?? state.telegramBotToken
const databaseUrl =
  process.env.DATABASE_URL ??
  `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_DATABASE_PORT}/${EMBEDDED_DATABASE_NAME}`
const admin = state[`admin:${databaseUrl}`] ?? Object.entries(state).find(([key]) => key.startsWith("admin:"))?.[1]
if (!botToken || !admin) {
  throw new Error("Run `npm start` once first: the benchmark uses the bot token and admin it creates.")
}
const RUN = `bench-${randomBytes(4).toString("hex")}`
/** This run's Mini App sessions (the store takes them as UUIDs): its events are found and removed by them. */
const SESSIONS = Array.from({ length: 500 }, () => randomUUID())

const request = httpClient(BACKEND)
const getJson = async (path, headers) => JSON.parse(await request("GET", path, { headers }))

/** Runs the jobs with `concurrency` in flight; returns wall time and each job's latency. */
async function runPool(jobs, concurrency) {
  const latencies = []
  let next = 0
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]
        latencies.push(await time(job))
      }
    })
  )
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies }
}

async function signInCustomers(count) {
  const firstId = 900_000_000 + (randomBytes(3).readUIntBE(0, 3) % 1000) * 10_000
  const tokens = []
  for (let i = 0; i < count; i++) {
    const initData = sign({ user: { id: firstId + i, first_name: "Bench" } }, botToken, new Date())
    const { token } = JSON.parse(
      await request("POST", "/auth/customer/telegram", { body: {}, headers: { authorization: `tma ${initData}` } })
    )
    tokens.push(token)
  }
  return tokens
}

const TYPES = ["product_view", "product_view", "product_view", "add_to_cart", "search", "checkout_start"]
function makeEvent(i, productIds) {
  const type = TYPES[i % TYPES.length]
  return {
    type,
    session_id: SESSIONS[i % SESSIONS.length],
    occurred_at: new Date().toISOString(),
    ...(type === "search"
      ? { details: { query: `курс ${i % 40}` } }
      : { product_id: productIds[i % productIds.length] }),
  }
}

/** Events split into requests of `perRequest`; each customer sends the next PER_CUSTOMER of them. */
function ingestJobs(total, perRequest, tokens, publishableKey, productIds) {
  const jobs = []
  for (let sent = 0; sent < total; sent += perRequest) {
    const events = Array.from({ length: Math.min(perRequest, total - sent) }, (_, k) => makeEvent(sent + k, productIds))
    const token = tokens[Math.floor(sent / PER_CUSTOMER)]
    jobs.push(() =>
      request("POST", "/store/clicks", {
        body: { events },
        headers: { "x-publishable-api-key": publishableKey, authorization: `Bearer ${token}` },
      })
    )
  }
  return jobs
}

async function bulkInsert(db, productIds, rows) {
  // 30 days back from now, types in funnel-like proportions, the store's real courses.
  await db.query(
    `INSERT INTO click_event (id, type, session_id, product_id, details, occurred_at, received_at)
     SELECT 'clk_' || $1 || '_' || n,
            t.type,
            $1 || '-' || (n % 50000),
            CASE WHEN t.type = 'search' THEN NULL ELSE ($2::text[])[1 + n % cardinality($2::text[])] END,
            CASE WHEN t.type = 'search' THEN jsonb_build_object('query', 'курс ' || (n % 300)) END,
            now() - (n % 2592000) * interval '1 second',
            now()
       FROM generate_series(1, $3::int) AS n
       CROSS JOIN LATERAL (SELECT CASE
         WHEN n % 100 < 55 THEN 'product_view'
         WHEN n % 100 < 70 THEN 'search'
         WHEN n % 100 < 82 THEN 'add_to_cart'
         WHEN n % 100 < 88 THEN 'remove_from_cart'
         WHEN n % 100 < 94 THEN 'checkout_start'
         WHEN n % 100 < 97 THEN 'payment_start'
         ELSE 'share' END AS type) AS t`,
    [RUN, productIds, rows]
  )
  await db.query("ANALYZE click_event")
}

const db = new pg.Client({ connectionString: databaseUrl })
await db.connect()
const results = []
try {
  const { publishable_key: publishableKey } = await getJson("/storefront/config")
  const { products } = await getJson("/store/products?limit=100&fields=id", { "x-publishable-api-key": publishableKey })
  const productIds = products.map((product) => product.id)
  const { token: adminToken } = JSON.parse(await request("POST", "/auth/user/emailpass", { body: admin }))
  const adminHeaders = { authorization: `Bearer ${adminToken}` }

  const tokens = await signInCustomers(Math.ceil((BATCHED_EVENTS + SINGLE_EVENTS) / PER_CUSTOMER) + 1)
  const batchedTokens = tokens.slice(0, Math.ceil(BATCHED_EVENTS / PER_CUSTOMER))
  const singleTokens = tokens.slice(batchedTokens.length)

  // Warm both paths up so neither pays for first-request initialisation.
  await runPool(ingestJobs(BATCH, BATCH, [tokens[tokens.length - 1]], publishableKey, productIds), 1)

  for (const [name, total, perRequest, owners] of [
    [`batch of ${BATCH} per request`, BATCHED_EVENTS, BATCH, batchedTokens],
    ["one event per request", SINGLE_EVENTS, 1, singleTokens],
  ]) {
    const { seconds, latencies } = await runPool(
      ingestJobs(total, perRequest, owners, publishableKey, productIds),
      CONCURRENCY
    )
    const { median, p95 } = percentiles(latencies)
    results.push({
      what: `ingest, ${name}`,
      requests: latencies.length,
      rate: `${Math.round(total / seconds).toLocaleString("en")} events/s`,
      eventsPerSecond: total / seconds,
      median,
      p95,
    })
  }
  const { rows: stored } = await db.query("SELECT count(*)::int AS n FROM click_event WHERE session_id = ANY($1)", [
    SESSIONS,
  ])
  const expected = BATCHED_EVENTS + SINGLE_EVENTS + BATCH
  if (stored[0].n !== expected) {
    throw new Error(`ingest stored ${stored[0].n} events, expected ${expected}`)
  }

  const insertStarted = Date.now()
  await bulkInsert(db, productIds, ROWS)
  const { rows: counted } = await db.query("SELECT count(*)::int AS n FROM click_event")
  console.log(
    `${ROWS.toLocaleString("en")} events bulk-inserted in ${((Date.now() - insertStarted) / 1000).toFixed(1)} s (table: ${counted[0].n.toLocaleString("en")})`
  )

  const day = 24 * 60 * 60 * 1000
  const range = (days) =>
    `from=${new Date(Date.now() - days * day).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`
  for (const [name, query] of [
    ["stats, 30 days (all rows)", range(30)],
    ["stats, 7 days", range(7)],
    ["stats, 30 days, one course", `${range(30)}&product_id=${productIds[0]}`],
  ]) {
    await request("GET", `/admin/clicks/stats?${query}`, { headers: adminHeaders })
    const samples = []
    for (let i = 0; i < ROUNDS; i++) {
      samples.push(await time(() => request("GET", `/admin/clicks/stats?${query}`, { headers: adminHeaders })))
    }
    const { median, p95 } = percentiles(samples)
    results.push({ what: name, requests: ROUNDS, rate: "one at a time", median, p95 })
  }

  let bytes = 0
  const exportMs = await time(async () => {
    const response = await fetch(`${BACKEND}/admin/clicks/export?${range(31)}`, { headers: adminHeaders })
    for await (const chunk of response.body) {
      bytes += chunk.length
    }
  })
  results.push({
    what: `CSV export, ${counted[0].n.toLocaleString("en")} rows (${(bytes / 1e6).toFixed(0)} MB)`,
    requests: 1,
    rate: `${Math.round(counted[0].n / (exportMs / 1000)).toLocaleString("en")} rows/s`,
    median: exportMs,
    p95: exportMs,
  })
} finally {
  await db.query("DELETE FROM click_event WHERE id LIKE $1 OR session_id = ANY($2)", [`clk_${RUN}_%`, SESSIONS])
  await db.end()
}

const [batched, single] = results.filter((row) => row.eventsPerSecond !== undefined)
recordFigures("clicks", [
  {
    what: batched.what,
    value: batched.eventsPerSecond,
    unit: "events/s",
    baseline: { what: single.what, value: single.eventsPerSecond },
  },
])

console.log(`Click tracking, ${BACKEND}, concurrency ${CONCURRENCY}`)
console.log(
  "what".padEnd(44) +
    "requests".padStart(9) +
    "throughput".padStart(20) +
    "median ms".padStart(11) +
    "p95 ms".padStart(10)
)
for (const row of results) {
  console.log(
    row.what.padEnd(44) +
      String(row.requests).padStart(9) +
      row.rate.padStart(20) +
      row.median.toFixed(1).padStart(11) +
      row.p95.toFixed(1).padStart(10)
  )
}
