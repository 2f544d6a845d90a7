import { freePort } from "../helpers/free-port"
import { execFileSync, type ChildProcess } from "node:child_process"
import { join } from "node:path"
import {
  createScratchDatabase,
  dropScratchDatabase,
  productionEnvironment,
  startServer,
  stopServer,
} from "../helpers/production-server"
import { ensureBackendBuild } from "../helpers/production-build"

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

async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init)
  return {
    status: response.status,
    etag: response.headers.get("etag"),
    body: response.status === 304 ? undefined : await response.json(),
  }
}

describe("two server replicas on one Redis", () => {
  const servers: ChildProcess[] = []
  beforeAll(async () => {
    await createScratchDatabase(DATABASE)
  })

  afterAll(async () => {
    await Promise.all(servers.map(stopServer))
    await dropScratchDatabase(DATABASE)
  })

  it("serves an edit made through one replica on the other's very next request", async () => {
    ensureBackendBuild()
    const env = productionEnvironment(DATABASE, {
      HOME: process.env.HOME ?? "",
      // A database of Redis of its own, so no other store's queues or keys are shared.
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/14",
      TELEGRAM_BOT_TOKEN: "7000000001:AAReplicasTestToken_abcdefghijklmn",
      YOOKASSA_SECRET_KEY: "test_ReplicasTestSecretKey",
    })
    execFileSync(MEDUSA, ["db:migrate", "--execute-safe-links"], { cwd: SERVER_DIR, env, stdio: "inherit" })
    execFileSync(MEDUSA, ["exec", "./src/scripts/seed-demo.js"], { cwd: SERVER_DIR, env, stdio: "inherit" })
    execFileSync(MEDUSA, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { cwd: SERVER_DIR, env, stdio: "inherit" })

    // One replica also runs the worker (subscribers, jobs); the other serves HTTP only.
    const [editing, other] = await Promise.all(
      ["shared", "server"].map(async (mode) => {
        const port = await freePort()
        const started = await startServer(MEDUSA, { cwd: SERVER_DIR, env: { ...env, MEDUSA_WORKER_MODE: mode }, port })
        servers.push(started.server)
        expect(started.health).toBe(200)
        return `http://localhost:${port}`
      })
    )

    const { body: config } = await json(`${editing}/storefront/config`)
    const store = { "x-publishable-api-key": config.publishable_key }
    const catalog = (url: string, headers: Record<string, string> = {}) =>
      json(`${url}/store/catalog`, { headers: { ...store, ...headers } })
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
    expect(after.body.courses.find((entry: { id: string }) => entry.id === course.id).title).toBe(
      "Курс, изменённый на другой реплике"
    )
    expect((await catalog(editing)).etag).toBe(after.etag)
  })
})
