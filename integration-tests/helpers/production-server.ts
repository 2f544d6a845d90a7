import { spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { tmpdir } from "node:os"
import { Client } from "pg"

/** What the packaging specs need to run the built server as production does: a database, an environment, a start. */

/** The URL of a database on the tests' PostgreSQL (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD). */
export function databaseUrl(name: string): string {
  const { DB_HOST = "localhost", DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
  const password = DB_PASSWORD ? `:${encodeURIComponent(DB_PASSWORD)}` : ""
  return `postgres://${encodeURIComponent(DB_USERNAME)}${password}@${DB_HOST}:${DB_PORT}/${name}`
}

/** Runs one statement on the server's `postgres` database (CREATE / DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database of that name. */
export async function createScratchDatabase(name: string): Promise<void> {
  await dropScratchDatabase(name)
  await adminQuery(`CREATE DATABASE ${name}`)
}

/** Drops it; the servers using it must be stopped first. */
export async function dropScratchDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name}`)
}

/**
 * A complete production environment, as the image gets it (Redis: the one of this machine), with
 * fresh secrets; `overrides` set what a spec needs on top.
 */
export function productionEnvironment(database: string, overrides: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl(database),
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    JWT_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECRET: randomBytes(32).toString("hex"),
    MEDUSA_BACKEND_URL: "https://shop.aistore.test",
    STORE_CORS: "https://shop.aistore.test",
    ADMIN_CORS: "https://shop.aistore.test",
    TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
    TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
    MINIAPP_URL: "https://shop.aistore.test",
    YOOKASSA_SHOP_ID: "123456",
    DISABLE_MEDUSA_ADMIN: "true",
    ...overrides,
  }
}

/**
 * Starts `medusa start` from `cwd` and waits for /health to answer 200 (or the server to exit, or
 * two minutes). Returns the process, for the spec to stop, and the health status last seen.
 */
export async function startServer(
  medusa: string,
  { cwd, env, port }: { cwd: string; env: Record<string, string>; port: number }
): Promise<{ server: ChildProcess; health: number }> {
  const server = spawn(medusa, ["start"], { cwd, env: { ...env, PORT: String(port) }, stdio: "inherit" })
  const deadline = Date.now() + 120_000
  let health = 0
  while (Date.now() < deadline && server.exitCode === null) {
    health = await fetch(`http://localhost:${port}/health`).then(
      (response) => response.status,
      () => 0
    )
    if (health === 200) {
      break
    }
    await new Promise((wake) => setTimeout(wake, 500))
  }
  return { server, health }
}

/** Stops a server started by `startServer`, if it still runs. */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM")
    await new Promise((done) => server.once("exit", done))
  }
}
