import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Client } from "pg"

/**
 * What the production image does, without Docker: build the server, make it
 * self-contained (plugin tarballs, production dependencies), then migrate and
 * start it from its own folder, far from the workspace's node_modules.
 */
jest.setTimeout(15 * 60_000)

const ROOT = join(__dirname, "..", "..")
const DATABASE = "aistore_package_test"

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function databaseUrl(name: string) {
  const { DB_HOST = "localhost", DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
  const password = DB_PASSWORD ? `:${encodeURIComponent(DB_PASSWORD)}` : ""
  return `postgres://${encodeURIComponent(DB_USERNAME)}${password}@${DB_HOST}:${DB_PORT}/${name}`
}

async function admin(sql: string) {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

describe("the production server package", () => {
  const folder = join(mkdtempSync(join(tmpdir(), "aistore-server-")), "server")
  let server: ChildProcess | undefined

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`)
    await admin(`CREATE DATABASE ${DATABASE}`)
  })

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM")
      await new Promise((done) => server!.once("exit", done))
    }
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`)
    rmSync(join(folder, ".."), { recursive: true, force: true })
  })

  it("installs from its own folder, migrates and serves the store", async () => {
    const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
    execFileSync(process.execPath, ["scripts/build-app.mjs", "--backend-only"], { cwd: ROOT, env, stdio: "inherit" })
    execFileSync(process.execPath, ["scripts/package-server.mjs", folder], { cwd: ROOT, env, stdio: "inherit" })

    // The plugins come from the packed tarballs, not from workspace links.
    const plugin = require.resolve("@aistore/medusa-telegram/package.json", { paths: [folder] })
    expect(plugin.startsWith(join(folder, "node_modules"))).toBe(true)

    const port = await freePort()
    // A production environment, as the image gets it (Redis: the one of this machine).
    const serverEnv = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: databaseUrl(DATABASE),
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      JWT_SECRET: randomBytes(32).toString("hex"),
      COOKIE_SECRET: randomBytes(32).toString("hex"),
      MEDUSA_BACKEND_URL: "https://shop.aistore.test",
      STORE_CORS: "https://shop.aistore.test",
      ADMIN_CORS: "https://shop.aistore.test",
      TELEGRAM_BOT_TOKEN: "7000000001:AAPackageTestToken_abcdefghijklmnop",
      TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
      TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
      MINIAPP_URL: "https://shop.aistore.test",
      YOOKASSA_SHOP_ID: "123456",
      YOOKASSA_SECRET_KEY: "test_PackageTestSecretKey",
      PORT: String(port),
      DISABLE_MEDUSA_ADMIN: "true",
    }
    const medusa = join(folder, "node_modules", ".bin", "medusa")
    execFileSync(medusa, ["db:migrate", "--execute-safe-links"], { cwd: folder, env: serverEnv, stdio: "inherit" })

    server = spawn(medusa, ["start"], { cwd: folder, env: serverEnv, stdio: "inherit" })
    const deadline = Date.now() + 120_000
    let health = 0
    while (Date.now() < deadline && server.exitCode === null) {
      health = await fetch(`http://localhost:${port}/health`).then((r) => r.status, () => 0)
      if (health === 200) {
        break
      }
      await new Promise((wake) => setTimeout(wake, 500))
    }
    expect(health).toBe(200)

    // The migration scripts shipped with the package set the store up.
    const config = await fetch(`http://localhost:${port}/storefront/config`).then((r) => r.json())
    expect(config).toEqual({
      publishable_key: expect.stringMatching(/^pk_/),
      region_id: expect.stringMatching(/^reg_/),
      currency_code: "rub",
      payment_methods: [
        { id: "yookassa", provider_id: "pp_yookassa_yookassa" },
        { id: "stars", provider_id: "pp_telegram-stars_telegram-stars" },
      ],
      stars_rub_rate: expect.any(Number),
      payment: {
        providers: expect.arrayContaining(["pp_yookassa_yookassa", "pp_telegram-stars_telegram-stars"]),
        confirmation: "redirect",
        receipts: true,
      },
      telegram: { app_link: null },
      legal_pages: ["offer", "privacy", "refunds"],
    })
  })
})
