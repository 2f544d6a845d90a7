#!/usr/bin/env node
/**
 * Catalogue benchmark, on the built server in production mode (NODE_ENV=production, Redis),
 * same run, same data (the 15-course demo catalogue), `--connections` keep-alive connections:
 *
 * 1. Medusa's stock GET /store/products?limit=20 (prices for the region) against the catalogue
 *    GET /store/catalog, its 304 path (If-None-Match) and a course page; /health and a /store
 *    path that answers 404 show what the server and Medusa's /store stack cost on their own.
 * 2. Batched click ingest (POST /store/clicks, 100 events per request) with Medusa's own
 *    publishable-key lookup and with the store's cached one (STORE_KEY_CACHE=off/on).
 *
 * Needs the built server (`npm run build`, or `node scripts/build-app.mjs --backend-only`).
 * Starts its own PostgreSQL (port 54332, data kept in .local/bench-catalog-postgres; or
 * DATABASE_URL) and uses Redis database 13 of 127.0.0.1:6379 (or REDIS_URL).
 *
 *   node scripts/bench/catalog.mjs [--connections 10] [--seconds 10]
 */
import { spawn, execFileSync } from "node:child_process"
import { randomBytes, randomUUID } from "node:crypto"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { sign } from "@telegram-apps/init-data-node"
import { startEmbeddedDatabase, EMBEDDED_DATABASE_NAME } from "../local/embedded-database.mjs"
import { load, once } from "./load.mjs"
import { recordFigures, versus } from "./results.mjs"

const { values: args } = parseArgs({
  options: {
    connections: { type: "string", default: "10" },
    seconds: { type: "string", default: "10" },
  },
})
const CONNECTIONS = Number(args.connections)
const SECONDS = Number(args.seconds)
const ROOT = join(import.meta.dirname, "..", "..")
const SERVER_DIR = join(ROOT, ".medusa", "server")
const MEDUSA = join(ROOT, "node_modules", ".bin", "medusa")
const PORT = 9210
const BACKEND = `http://127.0.0.1:${PORT}`
const BOT_TOKEN = `7${randomBytes(4).readUInt32BE(0) % 100_000_000}:${randomBytes(26).toString("base64url")}`
const BATCH = 100
/** Events one customer sends: under the click plugin's default budget of 1000 a minute per client. */
const PER_CUSTOMER = 900

if (!existsSync(join(SERVER_DIR, "package.json"))) {
  throw new Error("Build the server first: `npm run build` (or `node scripts/build-app.mjs --backend-only`).")
}

const until = async (probe, what, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) {
      return value
    }
    await new Promise((wake) => setTimeout(wake, 250))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

async function withServer(env, run) {
  const server = spawn(MEDUSA, ["start"], { cwd: SERVER_DIR, env, stdio: ["ignore", "ignore", "inherit"] })
  try {
    await until(
      () =>
        fetch(`${BACKEND}/health`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined
        ),
      "the server"
    )
    return await run()
  } finally {
    server.kill("SIGTERM")
    await new Promise((done) => (server.exitCode !== null ? done() : server.once("exit", done)))
  }
}

async function signInCustomers(count) {
  const firstId = 600_000_000 + (randomBytes(3).readUIntBE(0, 3) % 1000) * 10_000
  const tokens = []
  for (let i = 0; i < count; i++) {
    const initData = sign({ user: { id: firstId + i, first_name: "Bench" } }, BOT_TOKEN, new Date())
    const { body } = await once(BACKEND, {
      path: "/auth/customer/telegram",
      method: "POST",
      body: {},
      headers: { authorization: `tma ${initData}` },
    })
    tokens.push(body.token)
  }
  return tokens
}

/** Click batches from signed-in customers, each customer sending at most PER_CUSTOMER events. */
function clickBatches(tokens, key, productIds) {
  let sent = 0
  // The store takes Mini App sessions as UUIDs (crypto.randomUUID()).
  const sessions = Array.from({ length: 500 }, () => randomUUID())
  return () => {
    const token = tokens[Math.floor(sent / PER_CUSTOMER) % tokens.length]
    const events = Array.from({ length: BATCH }, (_, k) => ({
      type: "product_view",
      session_id: sessions[(sent + k) % sessions.length],
      product_id: productIds[(sent + k) % productIds.length],
      occurred_at: new Date().toISOString(),
    }))
    sent += BATCH
    return {
      path: "/store/clicks",
      method: "POST",
      body: { events },
      headers: { "x-publishable-api-key": key, authorization: `Bearer ${token}` },
    }
  }
}

let database
const rows = []
try {
  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    database = await startEmbeddedDatabase({ root: ROOT, port: 54332, folder: "bench-catalog-postgres" })
    databaseUrl = `postgres://postgres:postgres@127.0.0.1:54332/${EMBEDDED_DATABASE_NAME}`
  }
  // A production environment, as the image gets it.
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/13",
    JWT_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECRET: randomBytes(32).toString("hex"),
    MEDUSA_BACKEND_URL: "https://shop.aistore.test",
    STORE_CORS: "https://shop.aistore.test",
    ADMIN_CORS: "https://shop.aistore.test",
    AUTH_CORS: "https://shop.aistore.test",
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
    TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
    MINIAPP_URL: "https://shop.aistore.test",
    YOOKASSA_SHOP_ID: "123456",
    YOOKASSA_SECRET_KEY: "test_BenchSecretKey",
    PORT: String(PORT),
    DISABLE_MEDUSA_ADMIN: "true",
  }
  process.stdout.write("Migrating and seeding the benchmark database…\n")
  execFileSync(MEDUSA, ["db:migrate", "--execute-safe-links"], { cwd: SERVER_DIR, env, stdio: "ignore" })
  execFileSync(MEDUSA, ["exec", "./src/scripts/seed-demo.js"], { cwd: SERVER_DIR, env, stdio: "ignore" })

  const run = async (what, make, unit = "requests/s", perRequest = 1) => {
    process.stdout.write(`${what}…\n`)
    const figures = await load(BACKEND, make, { connections: CONNECTIONS, seconds: SECONDS })
    rows.push({ what, unit, perRequest, ...figures })
    return figures
  }

  for (const keyCache of ["off", "on"]) {
    await withServer({ ...env, STORE_KEY_CACHE: keyCache }, async () => {
      const { body: config } = await once(BACKEND, { path: "/storefront/config" })
      const headers = { "x-publishable-api-key": config.publishable_key }
      const { body: catalog, headers: catalogHeaders } = await once(BACKEND, { path: "/store/catalog", headers })
      const productIds = catalog.courses.map((course) => course.id)
      await run(`GET /store/no-such-route (404: the /store stack alone), key cache ${keyCache}`, () => ({
        path: "/store/no-such-route",
        headers,
      }))
      if (keyCache === "on") {
        await run("GET /health (no /store stack)", () => ({ path: "/health" }))
        await run("Medusa GET /store/products?limit=20 (region prices)", () => ({
          path: `/store/products?limit=20&region_id=${config.region_id}`,
          headers,
        }))
        await run("GET /store/catalog", () => ({ path: "/store/catalog", headers }))
        await run("GET /store/catalog, If-None-Match (304)", () => ({
          path: "/store/catalog",
          headers: { ...headers, "if-none-match": catalogHeaders.get("etag") },
        }))
        await run("GET /store/catalog/courses/:handle", () => ({
          path: `/store/catalog/courses/${catalog.courses[0].handle}`,
          headers,
        }))
      }
      const seconds = SECONDS
      const tokens = await signInCustomers(Math.ceil((1000 * BATCH * seconds) / PER_CUSTOMER) + 20)
      await run(
        `POST /store/clicks, ${BATCH} events per request, key cache ${keyCache}`,
        clickBatches(tokens, config.publishable_key, productIds),
        "events/s",
        BATCH
      )
    })
  }
} finally {
  await database?.stop()
}

const ms = (value) => value.toFixed(1).padStart(9)
console.log(`\nProduction server, ${CONNECTIONS} connections, ${SECONDS} s per row`)
console.log("what".padEnd(62) + "throughput".padStart(18) + "p50 ms".padStart(9) + "p99 ms".padStart(9) + "  statuses")
for (const row of rows) {
  const rate = `${Math.round(row.rate * row.perRequest).toLocaleString("en")} ${row.unit}`
  console.log(
    row.what.padEnd(62) + rate.padStart(18) + ms(row.median) + ms(row.p99) + "  " + JSON.stringify(row.statuses)
  )
}
// A row with refused requests measured refusals: the run fails rather than report them.
const refused = rows.filter((row) =>
  Object.keys(row.statuses).some((status) => Number(status) >= 400 && !row.what.includes("404"))
)
if (refused.length) {
  console.log(`\nRefused requests in: ${refused.map((row) => row.what).join("; ")}`)
  process.exitCode = 1
}
const perSecond = (row) => row.rate * row.perRequest
const STOCK_PRODUCTS = "Medusa GET /store/products?limit=20 (region prices)"
recordFigures("catalog", [
  ...versus(rows, "GET /store/catalog", STOCK_PRODUCTS, perSecond, "requests/s"),
  ...versus(rows, "GET /store/catalog", STOCK_PRODUCTS, (row) => row.median, "p50 ms"),
  ...versus(rows, "GET /store/catalog, If-None-Match (304)", "GET /store/catalog", perSecond, "requests/s"),
  ...versus(rows, "GET /store/catalog/courses/:handle", STOCK_PRODUCTS, perSecond, "requests/s"),
  ...versus(
    rows,
    `POST /store/clicks, ${BATCH} events per request, key cache on`,
    `POST /store/clicks, ${BATCH} events per request, key cache off`,
    perSecond,
    "events/s"
  ),
  ...versus(
    rows,
    "GET /store/no-such-route (404: the /store stack alone), key cache on",
    "GET /store/no-such-route (404: the /store stack alone), key cache off",
    perSecond,
    "requests/s"
  ),
])
