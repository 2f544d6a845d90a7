import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import pg from "pg"

export class StartError extends Error {}

/** Fails with a clear message when another program already listens on `port`. */
export function assertPortFree(port, what, variable) {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", (error) => {
      reject(
        error.code === "EADDRINUSE"
          ? new StartError(
              `Port ${port} (${what}) is already in use. Stop the program using it, or choose another port with ${variable}=<port>.`
            )
          : error
      )
    })
    server.listen({ port, host: "0.0.0.0", exclusive: true }, () => server.close(resolve))
  })
}

/**
 * One `npm start` per data folder: two would fight over the embedded database
 * and the build output. A lock left by a process that died is taken over.
 */
export function acquireStartLock(lockFile) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx")
      writeFileSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(lockFile, { force: true })
    } catch (error) {
      if (error.code !== "EEXIST") {
        throw error
      }
      const holder = Number(readFileSync(lockFile, "utf8"))
      if (holder && isAlive(holder)) {
        throw new StartError(
          `AI Store is already starting or running from this folder (process ${holder}). Stop it first (Ctrl-C in its terminal).`
        )
      }
      rmSync(lockFile, { force: true })
    }
  }
  throw new StartError(`Could not take the start lock ${lockFile}`)
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

/** Connects once to DATABASE_URL and turns the usual failures into one-line reasons. */
export async function assertDatabaseReachable(databaseUrl) {
  const url = new URL(databaseUrl)
  const where = `${url.hostname}:${url.port || 5432}`
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query("SELECT 1")
  } catch (error) {
    const reasons = {
      ECONNREFUSED: `nothing is listening at ${where}`,
      ENOTFOUND: `the host ${url.hostname} is unknown`,
      EAI_AGAIN: `the host ${url.hostname} could not be resolved`,
      "28P01": `the password for user "${decodeURIComponent(url.username)}" was rejected`,
      28000: `user "${decodeURIComponent(url.username)}" may not connect`,
      "3D000": `the database ${url.pathname.slice(1)} does not exist (create it first)`,
    }
    const reason = reasons[error.code] ?? error.message
    throw new StartError(`Cannot use DATABASE_URL (${where}): ${reason}.`)
  } finally {
    await client.end().catch(() => undefined)
  }
}
