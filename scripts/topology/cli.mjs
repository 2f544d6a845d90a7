#!/usr/bin/env node
/**
 * `npm run topology`: the production topology on this machine, without Docker. Builds, then runs
 * PostgreSQL (DATABASE_URL, or an embedded one), Redis (REDIS_URL, default database 13 of the local
 * Redis), the migrations and the demo catalogue, two servers, one worker and nginx in front, in
 * production mode. Yookassa and Telegram are the plugins' sandbox and Bot API double, as in local mode.
 * `--no-build` skips the build. Ctrl-C (or SIGTERM) stops every process it started.
 *
 * Ports: TOPOLOGY_PORT (nginx, default 8080), the servers and the worker on the next three, the
 * Yookassa sandbox on the one after; TOPOLOGY_DATABASE_PORT for the embedded PostgreSQL (54331).
 */
import { spawnSync } from "node:child_process"
import { randomBytes, randomInt } from "node:crypto"
import { existsSync, mkdirSync, symlinkSync } from "node:fs"
import { join } from "node:path"
import { startEmbeddedDatabase, EMBEDDED_DATABASE_NAME } from "../local/embedded-database.mjs"
import { assertPortFree } from "../local/preflight.mjs"
import { testShopperLaunchUrl } from "../local/test-shopper.mjs"
import { ROOT, startTopology } from "./topology.mjs"

const port = Number(process.env.TOPOLOGY_PORT || 8080)
const databasePort = Number(process.env.TOPOLOGY_DATABASE_PORT || 54331)
const ports = { nginx: port, servers: [port + 1, port + 2], worker: port + 3 }
const sandboxPort = port + 4
// What the browser opens; production refuses a localhost backend URL, and *.localhost is loopback too.
const publicUrl = `http://aistore.localhost:${port}`
/** The sandbox sends notifications from this address, which the store is told to accept. */
const SANDBOX_SENDER = "127.0.0.5"
const MERCHANT_CHAT_ID = "-1000000000001"

const say = (line) => process.stdout.write(`[topology] ${line}\n`)
const cleanups = []
let stopping = false

async function shutdown(code) {
  if (stopping) {
    return
  }
  stopping = true
  say("stopping…")
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error) => say(`while stopping: ${error.message}`))
  }
  process.exit(code)
}

function build() {
  say("building the plugins, the server with its admin, and the Mini App…")
  if (spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] }).status !== 0) {
    throw new Error("the build failed (npm run build)")
  }
}

async function database() {
  if (process.env.DATABASE_URL) {
    return process.env.DATABASE_URL
  }
  await assertPortFree(databasePort, "the topology's embedded PostgreSQL", "TOPOLOGY_DATABASE_PORT or DATABASE_URL")
  const embedded = await startEmbeddedDatabase({ root: ROOT, port: databasePort, folder: "topology-postgres" })
  cleanups.push(() => embedded.stop())
  return `postgres://postgres:postgres@127.0.0.1:${databasePort}/${EMBEDDED_DATABASE_NAME}`
}

async function doubles(botToken) {
  const { start } = await import("@aistore/medusa-telegram/testing")
  const botApi = await start({ log: (line) => say(`telegram: ${line}`) })
  cleanups.push(() => botApi.stop())
  const { SANDBOX_SHOP_ID: shopId, startYookassaSandbox } = await import("@aistore/medusa-payment-yookassa/sandbox")
  const secretKey = `test_${randomBytes(18).toString("base64url")}`
  const sandbox = await startYookassaSandbox({
    port: sandboxPort,
    shopId,
    secretKey,
    webhookUrl: `http://127.0.0.1:${port}/hooks/payment/yookassa_yookassa`,
    senderAddress: SANDBOX_SENDER,
    logger: { info: (line) => say(`yookassa: ${line}`), warn: (line) => say(`yookassa: ${line}`) },
  })
  cleanups.push(() => sandbox.stop())
  return {
    TELEGRAM_BOT_TOKEN: botToken,
    TELEGRAM_API_ROOT: botApi.url,
    TELEGRAM_ADMIN_CHAT_ID: MERCHANT_CHAT_ID,
    YOOKASSA_SHOP_ID: shopId,
    YOOKASSA_SECRET_KEY: secretKey,
    YOOKASSA_API_URL: sandbox.apiUrl,
    YOOKASSA_TRUSTED_IPS: SANDBOX_SENDER,
  }
}

/** Uploaded files (the demo covers) in a folder a rebuild of .medusa/server does not wipe. */
function keepUploads() {
  const uploads = join(ROOT, ".local", "topology-static")
  const served = join(ROOT, ".medusa", "server", "static")
  mkdirSync(uploads, { recursive: true })
  if (!existsSync(served)) {
    symlinkSync(uploads, served)
  }
}

async function main() {
  for (const each of [...Object.values(ports).flat(), sandboxPort]) {
    await assertPortFree(each, "the topology", "TOPOLOGY_PORT")
  }
  if (!process.argv.includes("--no-build")) {
    build()
  }
  const botToken = `${randomInt(1_000_000_000, 2_000_000_000)}:${randomBytes(26).toString("base64url")}`
  const env = {
    DATABASE_URL: await database(),
    REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379/13",
    JWT_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECRET: randomBytes(32).toString("hex"),
    MEDUSA_BACKEND_URL: publicUrl,
    STORE_CORS: publicUrl,
    ADMIN_CORS: publicUrl,
    MINIAPP_URL: publicUrl,
    TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
    // nginx on this machine is the one proxy; its X-Forwarded-For is believed, nobody else's.
    TRUSTED_PROXIES: "127.0.0.1",
    TRUSTED_PROXY_HOPS: "1",
    // A backend-only build (--no-build after the tests' build) has no admin to serve.
    DISABLE_MEDUSA_ADMIN: existsSync(join(ROOT, ".medusa", "server", "public", "admin", "index.html"))
      ? "false"
      : "true",
    ...(await doubles(botToken)),
  }
  keepUploads()
  const topology = await startTopology({
    runtimeDir: join(ROOT, ".local", "topology"),
    ports,
    env,
    seed: true,
    say,
    onUnexpectedExit: () => void shutdown(1),
  })
  cleanups.push(() => topology.stop())
  say(
    `AI Store runs on ${topology.url} (${publicUrl}): nginx → ${topology.servers.map((s) => s.url).join(", ")}; worker ${topology.worker.url}`
  )
  say(`  logs: ${topology.logDir}; nginx access log: ${topology.accessLog}`)
  say(`  As a signed-in test shopper (valid 24 h): ${await testShopperLaunchUrl(publicUrl, botToken)}`)
  say(
    `  Admin: create one with  (cd .medusa/server && DATABASE_URL=${env.DATABASE_URL} npx medusa user -e you@example.com -p '…')`
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
  say(error.stack ?? String(error))
  void shutdown(1)
})
