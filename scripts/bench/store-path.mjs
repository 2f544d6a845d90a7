#!/usr/bin/env node
/**
 * The Mini App's store path under load (autocannon), AI Store against the same Medusa without it,
 * same run, same data: the production build with its four plugins (Yookassa against the plugin's
 * sandbox), then stock Medusa 2.21.2 (scripts/bench/bare-medusa: none of our plugins or src/,
 * Medusa's system payment provider), each on its own copy of one migrated and seeded database.
 *
 * `--connections` autocannon connections send, in turn for as many signed-in shoppers (Telegram for
 * AI Store, e-mail/password for Medusa), what the Mini App sends (storefront-miniapp/src/api/store.ts),
 * one row per step:
 * 1. the catalogue: GET /store/catalog; Medusa: GET /store/products?limit=20 with region prices,
 *    as a stock storefront reads it (for `--seconds`);
 * 2. POST /store/carts with a course (`--rounds` carts per shopper), each cart going on to:
 * 3. POST /store/carts/:id with the e-mail for Yookassa's receipt (receipts are on by default);
 * 4. POST /store/payment-collections;
 * 5. POST /store/payment-collections/:id/payment-sessions (Yookassa; Medusa: pp_system_default).
 * Then each server's RSS (it and its children, from /proc) and its peak, beside its RSS after start.
 * Any answer that is not a 2xx fails its row (and the run): its figures are not recorded.
 *
 * Needs the build (`npm run build`, or the plugins and `node scripts/build-app.mjs --backend-only`).
 * PostgreSQL: BENCH_DATABASE_URL (any database on the server; bench_store_path_* are made there),
 * else an embedded one on BENCH_STORE_PATH_PG_PORT (54334; data in .local/bench-store-path-postgres).
 * Redis: REDIS_URL, else database 13 of 127.0.0.1:6379. Ports: BENCH_STORE_PATH_PORT (9220) for the
 * server, the next one for the Yookassa sandbox.
 *
 *   node scripts/bench/store-path.mjs [--connections 10] [--seconds 10] [--rounds 15]
 */
import { randomBytes, randomUUID } from "node:crypto"
import { existsSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { sign } from "@telegram-apps/init-data-node"
import { SANDBOX_SHOP_ID, startYookassaSandbox } from "@aistore/medusa-payment-yookassa/sandbox"
import pg from "pg"
import { startEmbeddedDatabase } from "../local/embedded-database.mjs"
import { runToCompletion, startProcess, stopProcess, tail, waitForHealth } from "../topology/processes.mjs"
import { ROOT } from "../topology/topology.mjs"
import { cannon, eachOnce } from "./cannon.mjs"
import { once } from "./load.mjs"
import { recordFigures } from "./results.mjs"
import { processTreeRssMb } from "./rss.mjs"

const { values: args } = parseArgs({
  options: {
    connections: { type: "string", default: "10" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "15" },
  },
})
const CONNECTIONS = Number(args.connections)
const SECONDS = Number(args.seconds)
/** Carts each shopper takes down the path: a count, not a time, so every cart goes all the way. */
const ROUNDS = Number(args.rounds)
const PORT = Number(process.env.BENCH_STORE_PATH_PORT || 9220)
const PG_PORT = Number(process.env.BENCH_STORE_PATH_PG_PORT || 54334)
const BACKEND = `http://127.0.0.1:${PORT}`
const SERVER_DIR = join(ROOT, ".medusa", "server")
const BARE_DIR = join(ROOT, "scripts", "bench", "bare-medusa")
const MEDUSA = join(ROOT, "node_modules", ".bin", "medusa")
const RUNTIME_DIR = join(ROOT, ".local", "bench-store-path")
const DATABASES = {
  template: "bench_store_path_template",
  ours: "bench_store_path_ours",
  bare: "bench_store_path_bare",
}
const BOT_TOKEN = `7${randomBytes(4).readUInt32BE(0) % 100_000_000}:${randomBytes(26).toString("base64url")}`
/** The cart fields the Mini App asks for (storefront-miniapp/src/api/store.ts). */
const CART_FIELDS = [
  "id",
  "email",
  "total",
  "currency_code",
  "completed_at",
  "customer_id",
  "*items",
  "items.product_id",
  "items.product_handle",
  "items.thumbnail",
  "*payment_collection",
  "*payment_collection.payment_sessions",
].join(",")
const STEPS = {
  catalogue: "catalogue",
  cart: "POST /store/carts with a course",
  email: "POST /store/carts/:id (receipt e-mail)",
  collection: "POST /store/payment-collections",
  session: "POST /store/payment-collections/:id/payment-sessions",
}

if (!existsSync(join(SERVER_DIR, "package.json"))) {
  throw new Error("Build the server first: `npm run build` (or `node scripts/build-app.mjs --backend-only`).")
}

const say = (line) => process.stdout.write(`${line}\n`)

/** A PostgreSQL server to make the databases on: BENCH_DATABASE_URL's, else an embedded one. */
async function postgresServer() {
  if (process.env.BENCH_DATABASE_URL) {
    return { url: new URL(process.env.BENCH_DATABASE_URL), stop: async () => {} }
  }
  const database = await startEmbeddedDatabase({ root: ROOT, port: PG_PORT, folder: "bench-store-path-postgres" })
  return { url: new URL(`postgres://postgres:postgres@127.0.0.1:${PG_PORT}/postgres`), stop: database.stop }
}

const databaseUrl = (server, name) => Object.assign(new URL(server.url), { pathname: `/${name}` }).toString()

async function dropDatabases(admin) {
  for (const name of Object.values(DATABASES)) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}

/** Migrates and seeds one database, then copies it for each server: both start from the same data. */
async function prepareDatabases(server, admin, env) {
  await dropDatabases(admin)
  await admin.query(`CREATE DATABASE ${DATABASES.template}`)
  const stepEnv = { ...env, DATABASE_URL: databaseUrl(server, DATABASES.template) }
  for (const [name, medusaArgs] of [
    ["migrate", ["db:migrate", "--execute-safe-links"]],
    ["seed", ["exec", "./src/scripts/seed-demo.js"]],
  ]) {
    const begun = Date.now()
    await runToCompletion(name, MEDUSA, medusaArgs, {
      cwd: SERVER_DIR,
      env: stepEnv,
      logFile: join(RUNTIME_DIR, `${name}.log`),
    })
    say(`  ${name} done (${((Date.now() - begun) / 1000).toFixed(1)} s)`)
  }
  for (const copy of [DATABASES.ours, DATABASES.bare]) {
    await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${DATABASES.template}`)
  }
  await offerSystemProvider(databaseUrl(server, DATABASES.bare))
}

/**
 * Stock Medusa pays with its system provider, which the store's setup takes off the region
 * (src/migration-scripts/remove-system-payment-provider.ts): bare Medusa's copy offers it again.
 */
async function offerSystemProvider(url) {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    await db.query(
      `INSERT INTO region_payment_provider (id, region_id, payment_provider_id)
       SELECT 'regpp_bench_' || id, id, 'pp_system_default' FROM region WHERE deleted_at IS NULL`
    )
  } finally {
    await db.end()
  }
}

/** The store's publishable key, region and course variants, as seeded. */
async function readStoreData(server) {
  const db = new pg.Client({ connectionString: databaseUrl(server, DATABASES.template) })
  await db.connect()
  try {
    const keys = await db.query(
      "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL"
    )
    const regions = await db.query("SELECT id FROM region WHERE deleted_at IS NULL")
    const variants = await db.query(
      `SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.status = 'published' AND p.deleted_at IS NULL AND v.deleted_at IS NULL ORDER BY v.id`
    )
    return {
      publishableKey: keys.rows[0].token,
      regionId: regions.rows[0].id,
      variantIds: variants.rows.map((row) => row.id),
    }
  } finally {
    await db.end()
  }
}

async function call(path, { method = "GET", body, headers = {} } = {}) {
  const answer = await once(BACKEND, { path, method, body, headers })
  if (answer.status >= 300) {
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`)
  }
  return answer.body
}

/** Mini App shoppers: Telegram customers, signed in with initData. */
async function telegramShoppers(count) {
  const firstId = 700_000_000 + (randomBytes(3).readUIntBE(0, 3) % 1000) * 10_000
  const tokens = []
  for (let i = 0; i < count; i++) {
    const initData = sign({ user: { id: firstId + i, first_name: "Bench" } }, BOT_TOKEN, new Date())
    const { token } = await call("/auth/customer/telegram", {
      method: "POST",
      body: {},
      headers: { authorization: `tma ${initData}` },
    })
    tokens.push(token)
  }
  return tokens
}

/** A stock storefront's shoppers: registered with e-mail and password, then signed in. */
async function emailShoppers(count, publishableKey) {
  const tokens = []
  for (let i = 0; i < count; i++) {
    const credentials = { email: `bench-${randomUUID()}@example.ru`, password: randomBytes(12).toString("hex") }
    const { token: registration } = await call("/auth/customer/emailpass/register", {
      method: "POST",
      body: credentials,
    })
    await call("/store/customers", {
      method: "POST",
      body: { email: credentials.email },
      headers: { authorization: `Bearer ${registration}`, "x-publishable-api-key": publishableKey },
    })
    const { token } = await call("/auth/customer/emailpass", { method: "POST", body: credentials })
    tokens.push(token)
  }
  return tokens
}

/** Each step's request, for one server. */
function storeRequests(target, store) {
  const headers = (token) => ({
    "content-type": "application/json",
    "x-publishable-api-key": store.publishableKey,
    // The Mini App's SDK sends the shopper's locale with every store request.
    "x-medusa-locale": "ru-RU",
    authorization: `Bearer ${token}`,
  })
  const post = (path, token, body) => ({ method: "POST", path, headers: headers(token), body: JSON.stringify(body) })
  return {
    catalogue: (token) => ({ method: "GET", path: target.cataloguePath, headers: headers(token) }),
    cart: (token, n) =>
      post(`/store/carts?fields=${CART_FIELDS}`, token, {
        region_id: store.regionId,
        items: [{ variant_id: store.variantIds[n % store.variantIds.length], quantity: 1 }],
      }),
    email: (cart) => post(`/store/carts/${cart.id}?fields=${CART_FIELDS}`, cart.token, { email: "shopper@example.ru" }),
    collection: (cart) => post("/store/payment-collections", cart.token, { cart_id: cart.id }),
    session: (collection) =>
      post(`/store/payment-collections/${collection.id}/payment-sessions`, collection.token, {
        provider_id: target.providerId,
      }),
  }
}

/** Every shopper's path once, untimed: the server has run each route before it is measured. */
async function warmUp(requests, tokens) {
  const send = async ({ method, path, headers, body }) =>
    call(path, { method, headers, body: body === undefined ? undefined : JSON.parse(body) })
  for (const [n, token] of tokens.entries()) {
    await send(requests.catalogue(token))
    const { cart } = await send(requests.cart(token, n))
    await send(requests.email({ id: cart.id, token }))
    const { payment_collection: collection } = await send(requests.collection({ id: cart.id, token }))
    await send(requests.session({ id: collection.id, token }))
  }
}

/** The store path's rows on one server: each step as its own autocannon row. */
async function storePath(requests, tokens) {
  const rows = {}
  const measure = async (step, make, limit) => {
    say(`  ${STEPS[step]}…`)
    rows[step] = await cannon(BACKEND, make, { connections: CONNECTIONS, ...limit })
  }
  let read = 0
  await measure(
    "catalogue",
    () => [{ setupRequest: (request) => ({ ...request, ...requests.catalogue(tokens[read++ % tokens.length]) }) }],
    { seconds: SECONDS }
  )

  const carts = []
  let made = 0
  await measure(
    "cart",
    () => [
      {
        setupRequest: (request, context) => {
          // The context lives until this request's answer: it tells whose cart the answer is.
          context.token = tokens[made % tokens.length]
          return { ...request, ...requests.cart(context.token, made++) }
        },
        onResponse: (status, body, context) => status === 200 && carts.push({ id: cartId(body), token: context.token }),
      },
    ],
    { amount: CONNECTIONS * ROUNDS }
  )
  if (!carts.length) {
    return rows
  }
  await measure("email", eachOnce(carts, requests.email), { amount: carts.length })
  const collections = []
  await measure(
    "collection",
    eachOnce(carts, requests.collection, (status, body, cart) => {
      if (status === 200) {
        collections.push({ id: JSON.parse(body).payment_collection.id, token: cart.token })
      }
    }),
    { amount: carts.length }
  )
  if (collections.length) {
    await measure("session", eachOnce(collections, requests.session), { amount: collections.length })
  }
  return rows
}

const cartId = (body) => JSON.parse(body).cart.id

async function benchServer(target, store) {
  say(`${target.name}: starting (${target.cwd})…`)
  let died
  const server = startProcess(target.name, MEDUSA, ["start"], {
    cwd: target.cwd,
    env: { ...target.env, PORT: String(PORT) },
    logFile: join(RUNTIME_DIR, `${target.key}.log`),
    onExit: (handle, { code, signal }) => (died = `${signal ?? `exit code ${code}`}:\n${tail(handle.logFile, 15)}`),
  })
  try {
    await waitForHealth(`${BACKEND}/health`, { isDead: () => died !== undefined }).catch((error) => {
      throw new Error(`${target.name} did not start${died ? ` (${died})` : ""}`, { cause: error })
    })
    const idle = processTreeRssMb(server.child.pid)
    const tokens = await target.signIn(CONNECTIONS)
    const requests = storeRequests(target, store)
    await warmUp(requests, tokens)
    const rows = await storePath(requests, tokens)
    if (died) {
      throw new Error(`${target.name} stopped during the run (${died})`)
    }
    return { rows, idle, loaded: processTreeRssMb(server.child.pid) }
  } finally {
    await stopProcess(server)
  }
}

mkdirSync(RUNTIME_DIR, { recursive: true })
const server = await postgresServer()
const admin = new pg.Client({ connectionString: server.url.toString() })
await admin.connect()
const sandboxSecret = `test_${randomBytes(18).toString("base64url")}`
let sandbox
const results = {}
try {
  sandbox = await startYookassaSandbox({ port: PORT + 1, shopId: SANDBOX_SHOP_ID, secretKey: sandboxSecret })
  // A production environment, as the image gets it.
  const common = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/13",
    JWT_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECRET: randomBytes(32).toString("hex"),
    STORE_CORS: "https://shop.aistore.test",
    ADMIN_CORS: "https://shop.aistore.test",
    AUTH_CORS: "https://shop.aistore.test",
  }
  const ours = {
    ...common,
    MEDUSA_BACKEND_URL: "https://shop.aistore.test",
    MINIAPP_URL: "https://shop.aistore.test",
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
    TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
    // No Telegram call is made on this path.
    TELEGRAM_API_ROOT: "http://127.0.0.1:9",
    YOOKASSA_SHOP_ID: SANDBOX_SHOP_ID,
    YOOKASSA_SECRET_KEY: sandboxSecret,
    YOOKASSA_API_URL: sandbox.apiUrl,
    DISABLE_MEDUSA_ADMIN: "true",
  }
  say("Migrating and seeding the benchmark database, then copying it for each server…")
  await prepareDatabases(server, admin, ours)
  const store = await readStoreData(server)
  const targets = [
    {
      key: "ours",
      name: "AI Store",
      cwd: SERVER_DIR,
      env: { ...ours, DATABASE_URL: databaseUrl(server, DATABASES.ours) },
      cataloguePath: "/store/catalog?locale=ru-RU",
      providerId: "pp_yookassa_yookassa",
      signIn: telegramShoppers,
    },
    {
      key: "bare",
      name: "bare Medusa",
      cwd: BARE_DIR,
      env: { ...common, AISTORE_BENCH_BARE_MEDUSA: "true", DATABASE_URL: databaseUrl(server, DATABASES.bare) },
      cataloguePath: `/store/products?limit=20&region_id=${store.regionId}`,
      providerId: "pp_system_default",
      signIn: (count) => emailShoppers(count, store.publishableKey),
    },
  ]
  for (const target of targets) {
    results[target.key] = { target, ...(await benchServer(target, store)) }
  }
} finally {
  await sandbox?.stop()
  await dropDatabases(admin).catch((error) => say(`could not drop the bench databases: ${error}`))
  await admin.end()
  await server.stop()
}

const { ours, bare } = results
const failed = (row) => !row || row.refused > 0
const ms = (value) => value.toFixed(1).padStart(9)
say(
  `\nThe Mini App's store path, ${CONNECTIONS} shoppers (connections): catalogue for ${SECONDS} s, then ${CONNECTIONS * ROUNDS} carts`
)
say(
  "step".padEnd(56) +
    "server".padEnd(13) +
    "req/s".padStart(8) +
    "p50 ms".padStart(9) +
    "p99 ms".padStart(9) +
    "  statuses"
)
for (const step of Object.keys(STEPS)) {
  for (const { target, rows } of [ours, bare]) {
    const row = rows[step]
    const what = step === "catalogue" ? `GET ${target.cataloguePath.split("?")[0]}` : STEPS[step]
    say(
      what.padEnd(56) +
        target.name.padEnd(13) +
        (row
          ? String(Math.round(row.rate)).padStart(8) + ms(row.p50) + ms(row.p99) + "  " + JSON.stringify(row.statuses)
          : "  not run")
    )
  }
}
for (const { target, idle, loaded } of [ours, bare]) {
  say(
    `RSS ${target.name}: ${idle.mb.toFixed(0)} MB after start, ${loaded.mb.toFixed(0)} MB after the load, ` +
      `peak ${loaded.peakMb.toFixed(0)} MB (${loaded.processes} processes)`
  )
}

const figures = []
for (const [step, label] of Object.entries(STEPS)) {
  const [row, base] = [ours.rows[step], bare.rows[step]]
  if (failed(row) || failed(base)) {
    continue
  }
  const what = step === "catalogue" ? "catalogue: GET /store/catalog" : label
  const baselineWhat = step === "catalogue" ? "bare Medusa, GET /store/products?limit=20" : "bare Medusa"
  for (const [unit, pickValue] of [
    ["requests/s", (entry) => entry.rate],
    ["p50 ms", (entry) => entry.p50],
    ["p99 ms", (entry) => entry.p99],
  ]) {
    figures.push({ what, value: pickValue(row), unit, baseline: { what: baselineWhat, value: pickValue(base) } })
  }
}
figures.push(
  {
    what: "server RSS after the store-path load",
    value: ours.loaded.mb,
    unit: "MB",
    baseline: { what: "bare Medusa", value: bare.loaded.mb },
  },
  {
    what: "server peak RSS (VmHWM) over the store path",
    value: ours.loaded.peakMb,
    unit: "MB",
    baseline: { what: "bare Medusa", value: bare.loaded.peakMb },
  }
)
recordFigures("store-path", figures)

const failures = Object.keys(STEPS).flatMap((step) =>
  [ours, bare].filter(({ rows }) => failed(rows[step])).map(({ target }) => `${STEPS[step]} (${target.name})`)
)
if (failures.length) {
  say(`\nRefused or missing requests in: ${failures.join("; ")}`)
  process.exitCode = 1
}
