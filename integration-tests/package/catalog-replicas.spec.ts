import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { createServer } from "node:net"
import { join } from "node:path"
import { Client } from "pg"

/**
 * Two production server processes on one database and one Redis, as replicas behind nginx:
 * an admin edit made through one is served by the other on its very next request (the store
 * cache's generation is shared through Redis, renewed where the edit's events are emitted).
 */
jest.setTimeout(10 * 60_000)

const ROOT = join(__dirname, "..", "..")
const SERVER_DIR = join(ROOT, ".medusa", "server")
const MEDUSA = join(ROOT, "node_modules", ".bin", "medusa")
const DATABASE = "aistore_replicas_test"
const ADMIN = { email: "replicas@aistore.test", password: "a long enough password" }

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

async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init)
  return { status: response.status, etag: response.headers.get("etag"), body: response.status === 304 ? undefined : await response.json() }
}

describe("two server replicas on one Redis", () => {
  const servers: ChildProcess[] = []

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`)
    await admin(`CREATE DATABASE ${DATABASE}`)
  })

  afterAll(async () => {
    for (const server of servers) {
      if (server.exitCode === null) {
        server.kill("SIGTERM")
        await new Promise((done) => server.once("exit", done))
      }
    }
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`)
  })

  it("serves an edit made through one replica on the other's very next request", async () => {
    execFileSync(process.execPath, ["scripts/build-app.mjs", "--backend-only"], { cwd: ROOT, stdio: "inherit" })
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: databaseUrl(DATABASE),
      // A database of Redis of its own, so no other store's queues or keys are shared.
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/14",
      JWT_SECRET: randomBytes(32).toString("hex"),
      COOKIE_SECRET: randomBytes(32).toString("hex"),
      MEDUSA_BACKEND_URL: "https://shop.aistore.test",
      STORE_CORS: "https://shop.aistore.test",
      ADMIN_CORS: "https://shop.aistore.test",
      TELEGRAM_BOT_TOKEN: "7000000001:AAReplicasTestToken_abcdefghijklmn",
      TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
      TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
      MINIAPP_URL: "https://shop.aistore.test",
      YOOKASSA_SHOP_ID: "123456",
      YOOKASSA_SECRET_KEY: "test_ReplicasTestSecretKey",
      DISABLE_MEDUSA_ADMIN: "true",
    }
    execFileSync(MEDUSA, ["db:migrate", "--execute-safe-links"], { cwd: SERVER_DIR, env, stdio: "inherit" })
    execFileSync(MEDUSA, ["exec", "./src/scripts/seed-demo.js"], { cwd: SERVER_DIR, env, stdio: "inherit" })
    execFileSync(MEDUSA, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { cwd: SERVER_DIR, env, stdio: "inherit" })

    // One replica also runs the worker (subscribers, jobs); the other serves HTTP only.
    const urls: string[] = []
    for (const mode of ["shared", "server"]) {
      const port = await freePort()
      servers.push(spawn(MEDUSA, ["start"], { cwd: SERVER_DIR, env: { ...env, PORT: String(port), MEDUSA_WORKER_MODE: mode }, stdio: "inherit" }))
      urls.push(`http://localhost:${port}`)
    }
    for (const url of urls) {
      const deadline = Date.now() + 120_000
      while ((await fetch(`${url}/health`).then((r) => r.status, () => 0)) !== 200) {
        expect(Date.now()).toBeLessThan(deadline)
        await new Promise((wake) => setTimeout(wake, 250))
      }
    }
    const [editing, other] = urls

    const { body: config } = await json(`${editing}/storefront/config`)
    const store = { "x-publishable-api-key": config.publishable_key }
    const catalog = (url: string, headers: Record<string, string> = {}) => json(`${url}/store/catalog`, { headers: { ...store, ...headers } })
    // Both replicas have the catalogue cached.
    const before = await catalog(other)
    expect((await catalog(editing)).etag).toBe(before.etag)
    expect((await catalog(other, { "if-none-match": before.etag! })).status).toBe(304)
    const course = before.body.courses[0]

    const { body: login } = await json(`${editing}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    })
    const edit = await fetch(`${editing}/admin/products/${course.id}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ title: "Курс, изменённый на другой реплике" }),
    })
    expect(edit.status).toBe(200)

    const after = await catalog(other, { "if-none-match": before.etag! })
    expect(after.status).toBe(200)
    expect(after.etag).not.toBe(before.etag)
    expect(after.body.courses.find((entry: { id: string }) => entry.id === course.id).title).toBe("Курс, изменённый на другой реплике")
    expect((await catalog(editing)).etag).toBe(after.etag)
  })
})
