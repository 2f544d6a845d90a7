#!/usr/bin/env node
/**
 * Scale-out benchmark on the production topology (scripts/topology): the same requests sent to one
 * server process directly and to nginx in front of two, in the same run, on the same data (the demo
 * catalogue): Medusa's stock product list (uncached, CPU-bound), the store's catalogue (behind
 * nginx's micro-cache), a cart created with its first course (writes), and /health for scale;
 * then click ingest, `--click-events` events in batches of 100 per request against a tenth of them
 * one per request, from signed-in Telegram customers (each within the click plugin's budget).
 * A row with any answer that is not a 2xx fails the run and is not recorded.
 * Prints a table (and records its figures for `npm run bench`).
 *
 * Needs the build (`npm run build`, or the plugins, `node scripts/build-app.mjs --backend-only` and the
 * Mini App) and Debian's nginx. PostgreSQL: DATABASE_URL, else an embedded one on port 54333
 * (.local/bench-topology-postgres); Redis: REDIS_URL, else database 13 of 127.0.0.1:6379.
 *
 *   node scripts/bench/topology.mjs [--connections 10] [--seconds 10] [--click-events 50000]
 */
import { randomBytes } from "node:crypto"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { startEmbeddedDatabase, EMBEDDED_DATABASE_NAME } from "../local/embedded-database.mjs"
import { ROOT, startTopology } from "../topology/topology.mjs"
import { clickRequests, customersFor, signInCustomers } from "./click-load.mjs"
import { load, once } from "./load.mjs"
import { recordFigures } from "./results.mjs"

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "10" },
    seconds: { type: "string", default: "10" },
    "click-events": { type: "string", default: "50000" },
  },
})
const CONNECTIONS = Number(values.connections)
const SECONDS = Number(values.seconds)
const CLICK_EVENTS = Number(values["click-events"])
const BATCH = 100
const CLICK_WARMUP = 5
const BOT_TOKEN = `7000000003:${randomBytes(16).toString("hex")}`
const BASE_PORT = Number(process.env.BENCH_TOPOLOGY_PORT || 9300)

let database
let topology
const rows = []
try {
  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    database = await startEmbeddedDatabase({ root: ROOT, port: 54333, folder: "bench-topology-postgres" })
    databaseUrl = `postgres://postgres:postgres@127.0.0.1:54333/${EMBEDDED_DATABASE_NAME}`
  }
  process.stdout.write("Starting the topology (migrate, seed, two servers, a worker, nginx)…\n")
  topology = await startTopology({
    runtimeDir: join(ROOT, ".local", "bench-topology"),
    ports: { nginx: BASE_PORT, servers: [BASE_PORT + 1, BASE_PORT + 2], worker: BASE_PORT + 3 },
    env: {
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/13",
      JWT_SECRET: randomBytes(32).toString("hex"),
      COOKIE_SECRET: randomBytes(32).toString("hex"),
      MEDUSA_BACKEND_URL: "https://shop.aistore.test",
      STORE_CORS: "https://shop.aistore.test",
      ADMIN_CORS: "https://shop.aistore.test",
      MINIAPP_URL: "https://shop.aistore.test",
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
      TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
      YOOKASSA_SHOP_ID: "123456",
      YOOKASSA_SECRET_KEY: "test_BenchSecretKey",
      // Nothing is paid here: no Yookassa or Telegram call is made.
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      YOOKASSA_API_URL: "http://127.0.0.1:9/v3",
      DISABLE_MEDUSA_ADMIN: "true",
      TRUSTED_PROXIES: "127.0.0.1",
      TRUSTED_PROXY_HOPS: "1",
    },
    seed: true,
    say: (line) => process.stdout.write(`  ${line}\n`),
  })

  const { body: config } = await once(topology.url, { path: "/storefront/config" })
  const headers = { "x-publishable-api-key": config.publishable_key }
  const { body: products } = await once(topology.url, {
    path: `/store/products?limit=1&region_id=${config.region_id}&fields=id,*variants`,
    headers,
  })
  const variantId = products.products[0].variants[0].id
  const requests = {
    "GET /health": () => ({ path: "/health" }),
    "Medusa GET /store/products?limit=20 (region prices)": () => ({
      path: `/store/products?limit=20&region_id=${config.region_id}`,
      headers,
    }),
    "GET /store/catalog": () => ({ path: "/store/catalog", headers }),
    "POST /store/carts with a course": () => ({
      path: "/store/carts",
      method: "POST",
      headers,
      body: { region_id: config.region_id, items: [{ variant_id: variantId, quantity: 1 }] },
    }),
  }
  const targets = { "one server": topology.servers[0].url, "nginx → 2 servers": topology.url }
  for (const [what, make] of Object.entries(requests)) {
    for (const [where, url] of Object.entries(targets)) {
      process.stdout.write(`${what}, ${where}…\n`)
      const figures = await load(url, make, { connections: CONNECTIONS, seconds: SECONDS, warmup: 50 })
      rows.push({ what, where, unit: "requests/s", ...summary(figures, 1) })
    }
  }

  const { body: catalog } = await once(topology.url, { path: "/store/catalog", headers })
  const productIds = catalog.courses.map((course) => course.id)
  const clickRows = [
    { what: `POST /store/clicks, ${BATCH} events per request`, perRequest: BATCH, events: CLICK_EVENTS },
    { what: "POST /store/clicks, one event per request", perRequest: 1, events: CLICK_EVENTS / 10 },
  ]
  for (const { what, perRequest, events } of clickRows) {
    for (const [where, url] of Object.entries(targets)) {
      const requestCount = Math.ceil(events / perRequest)
      // Straight to a server: nginx limits sign-ins to a few a second per address.
      const tokens = await signInCustomers(
        topology.servers[0].url,
        BOT_TOKEN,
        customersFor((requestCount + CLICK_WARMUP) * perRequest)
      )
      process.stdout.write(`${what}, ${where}…\n`)
      const make = clickRequests({ tokens, publishableKey: config.publishable_key, productIds, perRequest })
      const figures = await load(url, make, { connections: CONNECTIONS, amount: requestCount, warmup: CLICK_WARMUP })
      rows.push({ what, where, unit: "events/s", ...summary(figures, perRequest) })
    }
  }
} finally {
  await topology?.stop()
  await database?.stop()
}

/** A row's rate (in events for click batches), latencies and whether anything was refused. */
function summary(figures, perRequest) {
  return {
    rate: figures.rate * perRequest,
    p50: figures.median,
    p99: figures.p99,
    statuses: figures.statuses,
    refused: Object.keys(figures.statuses).some((status) => Number(status) >= 300),
  }
}

const measured = rows.filter((row) => !row.refused)
const find = (what, where) => measured.find((entry) => entry.what === what && entry.where === where)
const figures = measured
  .filter((row) => row.where === "nginx → 2 servers" && find(row.what, "one server"))
  .map((row) => ({
    what: `${row.what}, nginx → 2 servers`,
    value: row.rate,
    unit: row.unit,
    baseline: { what: "one server", value: find(row.what, "one server").rate },
  }))
for (const where of ["one server", "nginx → 2 servers"]) {
  const batched = find(`POST /store/clicks, ${BATCH} events per request`, where)
  const single = find("POST /store/clicks, one event per request", where)
  if (batched && single) {
    figures.push({
      what: `click ingest, ${BATCH} events per request, ${where}`,
      value: batched.rate,
      unit: "events/s",
      baseline: { what: "one event per request", value: single.rate },
    })
  }
}
recordFigures("topology", figures)

const ms = (value) => value.toFixed(1).padStart(9)
console.log(`\nProduction topology, ${CONNECTIONS} connections, ${SECONDS} s per row (clicks: ${CLICK_EVENTS} events)`)
console.log(
  "what".padEnd(52) +
    "where".padEnd(20) +
    "throughput".padStart(18) +
    "p50 ms".padStart(9) +
    "p99 ms".padStart(9) +
    "  statuses"
)
for (const row of rows) {
  console.log(
    row.what.padEnd(52) +
      row.where.padEnd(20) +
      `${Math.round(row.rate).toLocaleString("en")} ${row.unit}`.padStart(18) +
      ms(row.p50) +
      ms(row.p99) +
      "  " +
      JSON.stringify(row.statuses)
  )
}
const refused = rows.filter((row) => row.refused)
if (refused.length) {
  console.log(`\nRefused requests in: ${refused.map((row) => `${row.what}, ${row.where}`).join("; ")}`)
  process.exitCode = 1
}
