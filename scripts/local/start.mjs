#!/usr/bin/env node
/**
 * `npm start`: AI Store in local mode with nothing to configure.
 *
 * Starts the embedded PostgreSQL (unless DATABASE_URL is set), builds what is
 * stale, migrates, seeds the demo catalogue once, creates an admin once, then
 * runs the built server and the Mini App and prints where to open them.
 * `npm run dev` (--dev) runs `medusa develop` and Vite's dev server instead.
 * Ctrl-C stops every child and the database.
 */
import { spawn } from "node:child_process"
import { randomBytes, randomInt } from "node:crypto"
import { createWriteStream, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { startEmbeddedDatabase, EMBEDDED_DATABASE_NAME, EMBEDDED_DATABASE_PORT } from "./embedded-database.mjs"
import { fingerprint } from "./fingerprint.mjs"
import { acquireStartLock, assertDatabaseReachable, assertPortFree, StartError } from "./preflight.mjs"
import { LocalState } from "./state.mjs"
import { testShopperLaunchUrl } from "./test-shopper.mjs"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..")
const SERVER_DIR = join(ROOT, ".medusa", "server")
const LOG_DIR = join(ROOT, ".local", "logs")
const BIN = join(ROOT, "node_modules", ".bin")
const ADMIN_EMAIL = "admin@aistore.local"
/** The merchant's chat in local mode: the Bot API double prints what is sent to it. */
const LOCAL_MERCHANT_CHAT_ID = "-1000000000001"
/** In build order: course-access compiles against the telegram plugin's built types. */
const PLUGINS = ["payment-yookassa", "telegram", "click-tracking", "course-access"]
const READY_DEADLINE_MS = 180_000

const dev = process.argv.includes("--dev")
const port = Number(process.env.PORT || 9000)
const storefrontPort = Number(process.env.STOREFRONT_PORT || 5173)
const yookassaSandboxPort = Number(process.env.YOOKASSA_SANDBOX_PORT || 9010)
const backendUrl = `http://localhost:${port}`
const storefrontUrl = `http://localhost:${storefrontPort}`
const startedAt = Date.now()

const children = new Set()
let database
let releaseLock = () => undefined
let stopping = false

const say = (line) => process.stdout.write(`[aistore] ${line}\n`)
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`

/** Runs a step to completion with its output in .local/logs/<name>.log, shown only on failure. */
function runStep(name, command, args, { cwd = ROOT, env }) {
  const logFile = join(LOG_DIR, `${name}.log`)
  const begun = Date.now()
  return new Promise((resolvePromise, reject) => {
    const log = createWriteStream(logFile)
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    children.add(child)
    child.stdout.pipe(log)
    child.stderr.pipe(log)
    child.on("error", reject)
    child.on("close", (code, signal) => {
      children.delete(child)
      log.end(() => {
        if (code === 0) {
          say(`${name} done (${seconds(begun)})`)
          return resolvePromise()
        }
        if (stopping) {
          return reject(new StartError(`${name} interrupted`))
        }
        const tail = readFileSync(logFile, "utf8").trim().split("\n").slice(-25).join("\n")
        reject(new StartError(`${name} failed (${signal ?? `exit code ${code}`}); last lines of ${logFile}:\n${tail}`))
      })
    })
  })
}

/** Starts a long-running child whose output goes to this terminal; its death stops everything. */
function runService(name, command, args, { cwd, env }) {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "inherit", "inherit"] })
  children.add(child)
  child.on("exit", (code, signal) => {
    children.delete(child)
    if (!stopping) {
      say(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`})`)
      void shutdown(1)
    }
  })
  return child
}

async function waitUntilReady(url, what) {
  const deadline = Date.now() + READY_DEADLINE_MS
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (response.ok) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 250))
  }
  throw new StartError(`${what} did not become ready at ${url} within ${READY_DEADLINE_MS / 1000} s`)
}

async function shutdown(code) {
  if (stopping) {
    return
  }
  stopping = true
  if (children.size || database) {
    say("stopping…")
  }
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            return done()
          }
          const kill = setTimeout(() => child.kill("SIGKILL"), 10_000)
          child.once("exit", () => {
            clearTimeout(kill)
            done()
          })
          child.kill("SIGTERM")
        })
    )
  )
  if (database) {
    await database.stop().catch(() => undefined)
  }
  releaseLock()
  process.exit(code)
}

async function buildStale(state, env) {
  const lock = readFileSync(join(ROOT, "package-lock.json"))
  const pluginPrints = []
  for (const plugin of PLUGINS) {
    const dir = join(ROOT, "plugins", plugin)
    const print = fingerprint(dir, ["src", "package.json", "tsconfig.json"]) + fingerprint(ROOT, ["tsconfig.base.json"])
    pluginPrints.push(print)
    if (state.get(`build:plugin:${plugin}`) !== print || !existsSync(join(dir, ".medusa", "server"))) {
      await runStep(`build plugin ${plugin}`, join(BIN, "medusa"), ["plugin:build"], { cwd: dir, env })
      state.set(`build:plugin:${plugin}`, print)
    }
  }

  const adminPrint = fingerprint(ROOT, ["src/admin", ...PLUGINS.map((p) => `plugins/${p}/src/admin`)]) + lock.length
  const backendPrint =
    fingerprint(ROOT, [
      "src",
      "medusa-config.ts",
      "tsconfig.json",
      "tsconfig.base.json",
      "package.json",
      "package-lock.json",
    ]) + pluginPrints.join("")
  const adminFresh =
    state.get("build:admin") === adminPrint && existsSync(join(SERVER_DIR, "public", "admin", "index.html"))
  if (!adminFresh || state.get("build:backend") !== backendPrint || !existsSync(SERVER_DIR)) {
    const args = adminFresh ? ["scripts/build-app.mjs", "--backend-only"] : ["scripts/build-app.mjs"]
    await runStep(adminFresh ? "build backend" : "build backend and admin", process.execPath, args, { env })
    state.set("build:admin", adminPrint)
    state.set("build:backend", backendPrint)
  }
  // Uploaded files live in the project's static/ folder, which a rebuild never wipes.
  mkdirSync(join(ROOT, "static"), { recursive: true })
  if (!existsSync(join(SERVER_DIR, "static"))) {
    symlinkSync(join(ROOT, "static"), join(SERVER_DIR, "static"))
  }
  // `medusa start` with NODE_ENV=development serves the admin through Vite from <cwd>/src/admin:
  // without this link the store's own widgets (course access) would be missing from the admin.
  if (existsSync(join(ROOT, "src", "admin")) && !existsSync(join(SERVER_DIR, "src", "admin"))) {
    symlinkSync(join(ROOT, "src", "admin"), join(SERVER_DIR, "src", "admin"))
  }

  const storefrontDir = join(ROOT, "storefront-miniapp")
  const storefrontPrint = fingerprint(storefrontDir, ["."])
  if (!dev && (state.get("build:storefront") !== storefrontPrint || !existsSync(join(storefrontDir, "dist")))) {
    await runStep("build storefront", "npm", ["run", "build", "--workspace", "storefront-miniapp"], { env })
    state.set("build:storefront", storefrontPrint)
  }
  return backendPrint
}

/** What local mode has already done to this database: migrations at which build, seed, admin. */
async function readDatabaseFacts(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows: tables } = await client.query(
      "SELECT to_regclass('public.store') AS store, to_regclass('public.\"user\"') AS users"
    )
    if (!tables[0].store || !tables[0].users) {
      return { migrated: false, seeded: false, adminExists: false }
    }
    const seeded = await client.query("SELECT 1 FROM store WHERE metadata->>'demo_catalogue_seeded_at' IS NOT NULL")
    const admin = await client.query('SELECT 1 FROM "user" WHERE email = $1 AND deleted_at IS NULL', [ADMIN_EMAIL])
    return { migrated: true, seeded: seeded.rowCount > 0, adminExists: admin.rowCount > 0 }
  } finally {
    await client.end()
  }
}

/**
 * Local mode has no real bot: unless TELEGRAM_API_ROOT points elsewhere, the plugin's
 * Bot API double answers, and the messages the store sends are printed here.
 */
async function startLocalBotApi(env) {
  if (env.TELEGRAM_API_ROOT) {
    return
  }
  const { start } = await import("@aistore/medusa-telegram/testing")
  env.TELEGRAM_WEBHOOK_SECRET ||= randomBytes(24).toString("base64url")
  // The double also plays the shopper paying a Stars invoice in the Mini App (its stand-in client).
  const storeWebhook = { url: `${backendUrl}/hooks/telegram`, secret: env.TELEGRAM_WEBHOOK_SECRET }
  const botApi = await start({ log: (line) => say(`telegram: ${line}`), storeWebhook })
  env.TELEGRAM_API_ROOT = botApi.url
  env.TELEGRAM_DOUBLE_PROXY = botApi.url
  env.TELEGRAM_ADMIN_CHAT_ID ||= LOCAL_MERCHANT_CHAT_ID
  say(`Bot API double on ${botApi.url}: messages to Telegram are printed here`)
}

/**
 * Local mode has no Yookassa shop: unless YOOKASSA_SHOP_ID is set, the plugin's sandbox plays
 * Yookassa (payment page with Pay and Decline, notifications to the store's webhook).
 */
async function startLocalYookassa(env) {
  if (env.YOOKASSA_SHOP_ID) {
    return
  }
  await assertPortFree(yookassaSandboxPort, "the Yookassa sandbox", "YOOKASSA_SANDBOX_PORT")
  const { SANDBOX_SHOP_ID: shopId, startYookassaSandbox } = await import("@aistore/medusa-payment-yookassa/sandbox")
  const secretKey = `test_${randomBytes(18).toString("base64url")}`
  const sandbox = await startYookassaSandbox({
    port: yookassaSandboxPort,
    shopId,
    secretKey,
    webhookUrl: `${backendUrl}/hooks/payment/yookassa_yookassa`,
    logger: { info: (line) => say(`yookassa: ${line}`), warn: (line) => say(`yookassa: ${line}`) },
  })
  Object.assign(env, { YOOKASSA_SHOP_ID: shopId, YOOKASSA_SECRET_KEY: secretKey, YOOKASSA_API_URL: sandbox.apiUrl })
  // With YOOKASSA_CONFIRMATION_TYPE=embedded the Mini App draws the sandbox's stand-in widget.
  env.YOOKASSA_WIDGET_URL ||= sandbox.widgetUrl
  env.YOOKASSA_RETURN_URL ||= storefrontUrl
  say(`Yookassa sandbox on ${sandbox.url}: test payments, no real money`)
}

async function main() {
  refuseProduction()
  mkdirSync(LOG_DIR, { recursive: true })
  releaseLock = acquireStartLock(join(ROOT, ".local", "start.lock"))
  const state = new LocalState(ROOT)

  await assertPortFree(port, "the Medusa server", "PORT")
  await assertPortFree(storefrontPort, "the Mini App", "STOREFRONT_PORT")

  // `medusa start` assumes production unless told otherwise; local mode is development.
  const env = { ...process.env, NODE_ENV: "development", MEDUSA_DISABLE_TELEMETRY: "true", PORT: String(port) }
  await useDatabase(env)
  env.STORE_CORS ||= storefrontUrl
  env.MEDUSA_BACKEND_URL ||= backendUrl
  env.TELEGRAM_BOT_TOKEN ||= localBotToken(state)

  const buildPrint = await buildStale(state, env)
  await startLocalBotApi(env)
  await startLocalYookassa(env)
  const credentialsKey = await prepareDatabase(state, env, buildPrint)
  runServices(env)
  await waitUntilReady(`${backendUrl}/health`, "The Medusa server")
  await waitUntilReady(storefrontUrl, "The Mini App")
  await printReady(state.get(credentialsKey), env)
}

function refuseProduction() {
  if (process.env.NODE_ENV === "production") {
    throw new StartError(
      "npm start is local mode (embedded database, demo data, development secrets) and refuses NODE_ENV=production. Run the production image instead (see README.md)."
    )
  }
}

/** The PostgreSQL named by DATABASE_URL, else the embedded one (started here). */
async function useDatabase(env) {
  if (env.DATABASE_URL) {
    await assertDatabaseReachable(env.DATABASE_URL)
    return
  }
  await assertPortFree(EMBEDDED_DATABASE_PORT, "the embedded PostgreSQL", "DATABASE_URL (to use your own PostgreSQL)")
  const begun = Date.now()
  database = await startEmbeddedDatabase({ root: ROOT, port: EMBEDDED_DATABASE_PORT })
  env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_DATABASE_PORT}/${EMBEDDED_DATABASE_NAME}`
  say(`embedded PostgreSQL ready on port ${EMBEDDED_DATABASE_PORT} (${seconds(begun)})`)
}

/** A bot token of this data folder's own: local initData is signed with it, nothing real is. */
function localBotToken(state) {
  if (!state.get("telegramBotToken")) {
    state.set("telegramBotToken", `${randomInt(1_000_000_000, 2_000_000_000)}:${randomBytes(26).toString("base64url")}`)
  }
  return state.get("telegramBotToken")
}

/** Migrates after a new build, seeds the demo catalogue once, creates the admin once; returns the admin's state key. */
async function prepareDatabase(state, env, buildPrint) {
  const appDir = dev ? ROOT : SERVER_DIR
  const medusa = join(BIN, "medusa")
  const migrationKey = `migrated:${env.DATABASE_URL}`
  let facts = await readDatabaseFacts(env.DATABASE_URL)
  if (!facts.migrated || state.get(migrationKey) !== buildPrint) {
    // Also what resumes a database left half-migrated by an interrupted start.
    await runStep("migrations", medusa, ["db:migrate", "--execute-safe-links"], { cwd: appDir, env })
    state.set(migrationKey, buildPrint)
    facts = await readDatabaseFacts(env.DATABASE_URL)
  }
  if (!facts.seeded) {
    const script = `./src/scripts/seed-demo.${dev ? "ts" : "js"}`
    await runStep("demo catalogue", medusa, ["exec", script], { cwd: appDir, env })
  }
  const credentialsKey = `admin:${env.DATABASE_URL}`
  if (!facts.adminExists) {
    // Hex, not base64url: a password starting with "-" would be read as the CLI's flags.
    const password = randomBytes(12).toString("hex")
    await runStep("admin user", medusa, ["user", "-e", ADMIN_EMAIL, "-p", password], { cwd: appDir, env })
    state.set(credentialsKey, { email: ADMIN_EMAIL, password })
  }
  return credentialsKey
}

/** The server and the Mini App: built and previewed, or (--dev) reloading on change. */
function runServices(env) {
  const medusa = join(BIN, "medusa")
  const miniApp = { cwd: join(ROOT, "storefront-miniapp"), env: { ...env, MEDUSA_BACKEND_PROXY: backendUrl } }
  const vitePort = ["--port", String(storefrontPort), "--strictPort"]
  if (dev) {
    runService("medusa develop", medusa, ["develop"], { cwd: ROOT, env })
    runService("vite", join(BIN, "vite"), vitePort, miniApp)
  } else {
    runService("medusa server", medusa, ["start"], { cwd: SERVER_DIR, env })
    runService("mini app", join(BIN, "vite"), ["preview", ...vitePort], miniApp)
  }
}

async function printReady(credentials, env) {
  say(`AI Store is ready (${seconds(startedAt)})`)
  say(`  Admin:    ${backendUrl}/app`)
  say(
    credentials
      ? `            e-mail ${credentials.email}   password ${credentials.password}`
      : `            ${ADMIN_EMAIL} was created by another setup; reset it with: npx medusa user -e <e-mail> -p <password>`
  )
  say(`  Mini App: ${storefrontUrl}`)
  say(
    `  As a signed-in test shopper (valid 24 h): ${await testShopperLaunchUrl(storefrontUrl, env.TELEGRAM_BOT_TOKEN)}`
  )
  say("  Press Ctrl-C to stop.")
}

process.on("SIGINT", () => void shutdown(0))
process.on("SIGTERM", () => void shutdown(0))
process.on("SIGHUP", () => void shutdown(0))
// npm does not pass a SIGTERM it receives on to us: when it dies, we are re-parented; stop then.
const parent = process.ppid
setInterval(() => process.ppid !== parent && void shutdown(0), 1000).unref()

main().catch((error) => {
  if (!stopping) {
    process.stderr.write(`[aistore] ${error instanceof StartError ? error.message : (error.stack ?? error)}\n`)
  }
  void shutdown(1)
})
