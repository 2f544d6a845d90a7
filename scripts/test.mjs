#!/usr/bin/env node
/**
 * `npm test`: every test of the workspace against a real PostgreSQL.
 * Uses DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when DB_HOST is set, else starts
 * an embedded PostgreSQL of its own. Builds the plugins first: the app loads them
 * from their built output, exactly as an integrator would. Extra arguments go to jest.
 */
import { spawn } from "node:child_process"
import { mkdirSync } from "node:fs"
import { availableParallelism } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { startEmbeddedDatabase } from "./local/embedded-database.mjs"
import { assertPortFree } from "./local/preflight.mjs"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const BIN = join(ROOT, "node_modules", ".bin")
const TEST_DATABASE_PORT = 54330
const PLUGINS = ["payment-yookassa", "telegram", "click-tracking"]
/** Built once the plugins above are: they compile against their built types (course access uses the telegram plugin's). */
const DEPENDENT_PLUGINS = ["course-access"]

const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
delete env.NODE_ENV

function run(command, args, options = {}) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit", ...options })
    child.on("error", fail)
    child.on("close", (code) =>
      code === 0 ? done() : fail(new Error(`${[command, ...args].join(" ")} exited with ${code}`))
    )
  })
}

let database
try {
  const buildPlugin = (plugin) => run(join(BIN, "medusa"), ["plugin:build"], { cwd: join(ROOT, "plugins", plugin) })
  await Promise.all([
    Promise.all(PLUGINS.map(buildPlugin))
      .then(() => Promise.all(DEPENDENT_PLUGINS.map(buildPlugin)))
      // The production build the packaging and topology suites run: built once here, as a build
      // deletes the folder a suite beside it may be running from (the app compiles against the plugins).
      .then(() => run(process.execPath, ["scripts/build-app.mjs", "--backend-only"])),
    run("npm", ["run", "build", "--workspace", "storefront-miniapp"]),
  ])
  env.AISTORE_BACKEND_BUILT = "true"

  if (!env.DB_HOST) {
    mkdirSync(join(ROOT, ".local"), { recursive: true })
    await assertPortFree(TEST_DATABASE_PORT, "the tests' embedded PostgreSQL", "DB_HOST (to use your own PostgreSQL)")
    database = await startEmbeddedDatabase({ root: ROOT, port: TEST_DATABASE_PORT, folder: "test-postgres" })
    // "localhost", not 127.0.0.1: Medusa's test runner asks for SSL on any other host name.
    Object.assign(env, {
      DB_HOST: "localhost",
      DB_PORT: String(TEST_DATABASE_PORT),
      DB_USERNAME: "postgres",
      DB_PASSWORD: "postgres",
    })
  }

  // Each suite has its own database and ports, so suites run side by side: one jest worker per
  // core (JEST_WORKERS overrides). A worker that grew past 3 GB is replaced between suites.
  const workers = env.JEST_WORKERS ?? String(Math.max(1, Math.min(availableParallelism(), 4)))
  await run(
    join(BIN, "jest"),
    [`--maxWorkers=${workers}`, "--workerIdleMemoryLimit=3GB", "--forceExit", ...process.argv.slice(2)],
    {
      // Every suite boots a Medusa app: give the heap room for the largest.
      env: { ...env, NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=8192" },
    }
  )
} catch (error) {
  process.stderr.write(`${error.message}\n`)
  process.exitCode = 1
} finally {
  await database?.stop()
}
