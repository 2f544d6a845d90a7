#!/usr/bin/env node
/**
 * Yookassa webhook benchmark: time from a payment notification's arrival at the store to the
 * order being visible to the shopper through the store API (GET /store/orders), over N paid
 * purchases, with the plugin's webhook delay side by side with Medusa's stock 5 s delay, in
 * the same run on the same database.
 *
 * Medusa's stock route cannot be reached at /hooks/payment/yookassa_yookassa (the plugin's
 * static route replaces it, and the plugin refuses encoded spellings that would reach it), so
 * "stock" is the plugin's route with the stock route's 5,000 ms delay: everything after the
 * delay (Medusa's payment.webhook_received subscriber, the provider re-reading the payment,
 * process-payment) is the same code in both rows.
 *
 * Needs the built server (`npm start` once, or `npm run build`). Starts its own PostgreSQL
 * (port 54331, or DATABASE_URL), the Yookassa sandbox and the Bot API double, then the server
 * on port 9200 once per row.
 *
 *   node scripts/bench/yookassa-webhook.mjs [purchases=50] [concurrency=5]
 */
import { spawn, execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { createServer } from "node:http"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { sign } from "@telegram-apps/init-data-node"
import { SANDBOX_SHOP_ID, startYookassaSandbox } from "@aistore/medusa-payment-yookassa/sandbox"
import { start as startBotApi } from "@aistore/medusa-telegram/testing"
import { startEmbeddedDatabase, EMBEDDED_DATABASE_NAME } from "../local/embedded-database.mjs"
import { httpClient } from "./http.mjs"
import { percentiles } from "./measure.mjs"
import { recordFigures } from "./results.mjs"

const ROOT = join(import.meta.dirname, "..", "..")
const SERVER_DIR = join(ROOT, ".medusa", "server")
const MEDUSA = join(ROOT, "node_modules", ".bin", "medusa")
const PURCHASES = Number(process.argv[2] ?? 50)
const CONCURRENCY = Number(process.argv[3] ?? 5)
const PORT = 9200
const BACKEND = `http://localhost:${PORT}`
const BOT_TOKEN = `7${randomBytes(4).readUInt32BE(0) % 100_000_000}:${randomBytes(26).toString("base64url")}`
const SHOP = { shopId: SANDBOX_SHOP_ID, secretKey: `test_${randomBytes(12).toString("hex")}` }
const ROWS = [
  { name: "Medusa stock delay", delayMs: 5_000 },
  { name: "AI Store plugin", delayMs: 250 },
]

if (!existsSync(join(SERVER_DIR, "package.json"))) {
  throw new Error("Build the server first: `npm start` once, or `npm run build`.")
}

const until = async (probe, what, timeoutMs = 60_000, everyMs = 50) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) {
      return value
    }
    await new Promise((wake) => setTimeout(wake, everyMs))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

const request = httpClient(BACKEND)
const call = async (path, { method = "GET", body, headers } = {}) =>
  JSON.parse(await request(method, path, { body, headers }))

/** Forwards notifications to the store and notes when each one arrived. */
async function startArrivalRecorder() {
  const arrivals = new Map()
  const waiters = new Map()
  const server = createServer(async (request, response) => {
    const chunks = []
    for await (const chunk of request) chunks.push(chunk)
    const body = Buffer.concat(chunks)
    const arrivedAt = performance.now()
    const forwarded = await fetch(`${BACKEND}/hooks/payment/yookassa_yookassa`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    })
    const notification = JSON.parse(body.toString("utf8"))
    if (notification.event === "payment.succeeded" && !arrivals.has(notification.object.id)) {
      arrivals.set(notification.object.id, arrivedAt)
      waiters.get(notification.object.id)?.(arrivedAt)
    }
    response.writeHead(forwarded.status).end(await forwarded.text())
  })
  await new Promise((done) => server.listen(0, "127.0.0.1", done))
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    arrival: (paymentId) =>
      arrivals.has(paymentId)
        ? Promise.resolve(arrivals.get(paymentId))
        : new Promise((resolve) => waiters.set(paymentId, resolve)),
    stop: () => new Promise((done) => server.close(done)),
  }
}

async function purchase({ config, variantId, recorder, sandbox, userId }) {
  const initData = sign({ user: { id: userId, first_name: "Bench" } }, BOT_TOKEN, new Date())
  const { token } = await call("/auth/customer/telegram", {
    method: "POST",
    body: {},
    headers: { authorization: `tma ${initData}` },
  })
  const headers = { "x-publishable-api-key": config.publishable_key, authorization: `Bearer ${token}` }
  const { cart } = await call("/store/carts", {
    method: "POST",
    headers,
    body: { region_id: config.region_id, email: `bench${userId}@example.ru` },
  })
  await call(`/store/carts/${cart.id}/line-items`, {
    method: "POST",
    headers,
    body: { variant_id: variantId, quantity: 1 },
  })
  const { payment_collection: collection } = await call("/store/payment-collections", {
    method: "POST",
    headers,
    body: { cart_id: cart.id },
  })
  const { payment_collection: withSession } = await call(
    `/store/payment-collections/${collection.id}/payment-sessions`,
    {
      method: "POST",
      headers,
      body: { provider_id: "pp_yookassa_yookassa" },
    }
  )
  const paymentId = withSession.payment_sessions[0].data.id
  const arrived = recorder.arrival(paymentId)
  await sandbox.pay(paymentId)
  const arrivedAt = await arrived
  const visibleAt = await until(async () => {
    const { orders } = await call("/store/orders?fields=id", { headers })
    return orders.length ? performance.now() : undefined
  }, `the order for ${cart.id}`)
  return visibleAt - arrivedAt
}

async function runRow(row, { env, recorder, sandbox }) {
  const server = spawn(MEDUSA, ["start"], {
    cwd: SERVER_DIR,
    env: { ...env, YOOKASSA_WEBHOOK_DELAY_MS: String(row.delayMs) },
    stdio: ["ignore", "ignore", "inherit"],
  })
  try {
    await until(
      () =>
        fetch(`${BACKEND}/health`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined
        ),
      "the server",
      120_000,
      250
    )
    const config = await call("/storefront/config")
    const { products } = await call(`/store/products?limit=1&fields=id,*variants`, {
      headers: { "x-publishable-api-key": config.publishable_key },
    })
    const variantId = products[0].variants[0].id
    const samples = []
    let next = 0
    const firstUser = 700_000_000 + (randomBytes(3).readUIntBE(0, 3) % 1000) * 10_000
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PURCHASES) {
          const userId = firstUser + next++
          samples.push(await purchase({ config, variantId, recorder, sandbox, userId }))
        }
      })
    )
    return percentiles(samples)
  } finally {
    server.kill("SIGTERM")
    await new Promise((done) => (server.exitCode !== null ? done() : server.once("exit", done)))
  }
}

let database
let botApi
let sandbox
let recorder
try {
  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    database = await startEmbeddedDatabase({ root: ROOT, port: 54331, folder: "bench-postgres" })
    databaseUrl = `postgres://postgres:postgres@127.0.0.1:54331/${EMBEDDED_DATABASE_NAME}`
  }
  botApi = await startBotApi({})
  recorder = await startArrivalRecorder()
  sandbox = await startYookassaSandbox({ ...SHOP, webhookUrl: recorder.url })
  const env = {
    ...process.env,
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DISABLE_MEDUSA_ADMIN: "true",
    PORT: String(PORT),
    DATABASE_URL: databaseUrl,
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: botApi.url,
    YOOKASSA_API_URL: sandbox.apiUrl,
    YOOKASSA_SHOP_ID: SHOP.shopId,
    YOOKASSA_SECRET_KEY: SHOP.secretKey,
  }
  process.stdout.write("Migrating and seeding the benchmark database…\n")
  execFileSync(MEDUSA, ["db:migrate", "--execute-safe-links"], { cwd: SERVER_DIR, env, stdio: "ignore" })
  execFileSync(MEDUSA, ["exec", "./src/scripts/seed-demo.js"], { cwd: SERVER_DIR, env, stdio: "ignore" })

  const results = []
  for (const row of ROWS) {
    process.stdout.write(`${row.name}: ${PURCHASES} purchases, ${CONCURRENCY} at a time…\n`)
    results.push({ row, figures: await runRow(row, { env, recorder, sandbox }) })
  }
  const ms = (value) => `${value.toFixed(0)} ms`.padStart(9)
  process.stdout.write(`\nNotification arrival → order visible in GET /store/orders (${PURCHASES} purchases each)\n`)
  process.stdout.write(
    `${"".padEnd(22)}${"delay".padStart(9)}${"median".padStart(9)}${"p95".padStart(9)}${"mean".padStart(9)}${"max".padStart(9)}\n`
  )
  for (const { row, figures } of results) {
    process.stdout.write(
      `${row.name.padEnd(22)}${ms(row.delayMs)}${ms(figures.median)}${ms(figures.p95)}${ms(figures.mean)}${ms(figures.max)}\n`
    )
  }
  const [stock, plugin] = results
  const at = `${PURCHASES} purchases, ${CONCURRENCY} at a time`
  recordFigures(`yookassa-webhook-${CONCURRENCY}`, [
    {
      what: `webhook → order visible, median (${at})`,
      value: plugin.figures.median,
      unit: "ms",
      baseline: { what: `${stock.row.name}, median`, value: stock.figures.median },
    },
    {
      what: `webhook → order visible, p95 (${at})`,
      value: plugin.figures.p95,
      unit: "ms",
      baseline: { what: `${stock.row.name}, p95`, value: stock.figures.p95 },
    },
  ])
} finally {
  await sandbox?.stop()
  await recorder?.stop()
  await botApi?.stop()
  await database?.stop()
}
