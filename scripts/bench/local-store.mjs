import { spawn } from "node:child_process"
import { createWriteStream, mkdirSync } from "node:fs"
import { join } from "node:path"
import { ROOT } from "../topology/topology.mjs"

const READY_LINE = "AI Store is ready"
const READY_DEADLINE_MS = 10 * 60_000

/**
 * The local store the login, click and Mini App benchmarks need (`npm start`): the one at
 * BACKEND_URL if it answers, else started here (ports BENCH_STORE_PORT 9000, BENCH_STOREFRONT_PORT
 * 5173, BENCH_SANDBOX_PORT 9010) in a process group of its own, stopped with `stop()`.
 */
export async function startLocalStore({ say }) {
  const running = process.env.BACKEND_URL
  if (running && (await answers(`${running}/health`))) {
    say(`using the store at ${running}`)
    return { env: {}, stop: async () => {} }
  }
  const port = process.env.BENCH_STORE_PORT || "9000"
  const storefrontPort = process.env.BENCH_STOREFRONT_PORT || "5173"
  const logDir = join(ROOT, ".local", "logs")
  mkdirSync(logDir, { recursive: true })
  const logFile = join(logDir, "bench-store.log")
  say(`starting the local store (npm start, port ${port}; log ${logFile})…`)
  const child = spawn(process.execPath, [join(ROOT, "scripts", "local", "start.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: port,
      STOREFRONT_PORT: storefrontPort,
      YOOKASSA_SANDBOX_PORT: process.env.BENCH_SANDBOX_PORT || "9010",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  const log = createWriteStream(logFile)
  child.stderr.pipe(log)
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // start.mjs stops its children and the database on SIGTERM.
      process.kill(-child.pid, "SIGTERM")
      await new Promise((exited) => child.once("exit", exited))
    }
  }
  try {
    await new Promise((ready, failed) => {
      const timer = setTimeout(
        () =>
          failed(new Error(`the local store was not ready within ${READY_DEADLINE_MS / 60_000} min: see ${logFile}`)),
        READY_DEADLINE_MS
      )
      child.stdout.on("data", (chunk) => {
        log.write(chunk)
        if (String(chunk).includes(READY_LINE)) {
          clearTimeout(timer)
          ready()
        }
      })
      child.once("exit", (code) => failed(new Error(`the local store stopped (exit code ${code}): see ${logFile}`)))
    })
  } catch (error) {
    await stop()
    throw error
  }
  say("the local store is ready")
  return {
    env: { BACKEND_URL: `http://localhost:${port}`, STOREFRONT_URL: `http://localhost:${storefrontPort}` },
    stop,
  }
}

async function answers(url) {
  return fetch(url, { signal: AbortSignal.timeout(3000) }).then(
    (response) => response.ok,
    () => false
  )
}
