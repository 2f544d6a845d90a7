import { mkdirSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { nginxArgs, writeNginxConfig } from "./nginx.mjs"
import { runToCompletion, startProcess, stopProcess, tail, waitForHealth } from "./processes.mjs"

/**
 * The production topology with real processes, from the production build (.medusa/server and
 * storefront-miniapp/dist): a migrate step, N server processes (MEDUSA_WORKER_MODE=server), one
 * worker (MEDUSA_WORKER_MODE=worker) and Debian's nginx in front, as docker-compose.yml runs them.
 * PostgreSQL and Redis are the caller's (`env.DATABASE_URL`, `env.REDIS_URL`).
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..")
const SERVER_DIR = join(ROOT, ".medusa", "server")
const MEDUSA = join(ROOT, "node_modules", ".bin", "medusa")
const NGINX = process.env.NGINX_BIN || "/usr/sbin/nginx"

/**
 * @param {object} options
 * @param {string} options.runtimeDir   logs and nginx's runtime configuration
 * @param {{ nginx: number, servers: number[], worker: number }} options.ports
 * @param {Record<string, string>} options.env   the production environment of every Medusa process
 * @param {(role: "server" | "worker", index: number) => Record<string, string>} [options.processEnv]  per-process additions
 * @param {boolean} [options.seed]   load the demo catalogue after migrating
 * @param {{ email: string, password: string }} [options.admin]   create this admin after migrating
 * @param {(line: string) => void} [options.say]
 * @param {(name: string) => void} [options.onUnexpectedExit]
 */
export async function startTopology({
  runtimeDir,
  ports,
  env,
  processEnv = () => ({}),
  seed = false,
  admin,
  say = () => {},
  onUnexpectedExit,
}) {
  const logDir = join(runtimeDir, "logs")
  mkdirSync(logDir, { recursive: true })
  const processes = new Map()
  const onExit = (handle, { code, signal }) => {
    say(
      `${handle.name} exited unexpectedly (${signal ?? `exit code ${code}`}); last lines:\n${tail(handle.logFile, 15)}`
    )
    onUnexpectedExit?.(handle.name)
  }
  const baseEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "production",
    ...env,
  }
  const medusaStep = async (name, args) => {
    const begun = Date.now()
    await runToCompletion(name, MEDUSA, args, { cwd: SERVER_DIR, env: baseEnv, logFile: join(logDir, `${name}.log`) })
    say(`${name} done (${((Date.now() - begun) / 1000).toFixed(1)} s)`)
  }

  const topology = {
    url: `http://127.0.0.1:${ports.nginx}`,
    servers: ports.servers.map((port, index) => ({
      name: `server-${index + 1}`,
      url: `http://127.0.0.1:${port}`,
      port,
    })),
    worker: { name: "worker", url: `http://127.0.0.1:${ports.worker}`, port: ports.worker },
    accessLog: join(runtimeDir, "access.log"),
    logDir,
    /** The running process of this name (server-1…, worker, nginx). */
    process: (name) => processes.get(name),
    /** Starts (again) the Medusa process of this name, and waits until it is healthy. */
    startMedusa: async (name) => {
      const member = [...topology.servers, topology.worker].find((entry) => entry.name === name)
      const role = name === "worker" ? "worker" : "server"
      const index = role === "worker" ? 0 : topology.servers.indexOf(member)
      const handle = startProcess(name, MEDUSA, ["start"], {
        cwd: SERVER_DIR,
        env: { ...baseEnv, PORT: String(member.port), MEDUSA_WORKER_MODE: role, ...processEnv(role, index) },
        logFile: join(logDir, `${name}.log`),
        onExit,
      })
      processes.set(name, handle)
      await waitForHealth(`${member.url}/health`, {
        isDead: () => handle.child.exitCode !== null || handle.child.signalCode !== null,
      })
    },
    /** Stops everything: nginx first (no new requests), then the servers and the worker. */
    stop: async () => {
      const nginx = processes.get("nginx")
      if (nginx) {
        await stopProcess(nginx, { signal: "SIGQUIT" })
      }
      await Promise.all([...processes.values()].map((handle) => stopProcess(handle)))
    },
  }

  try {
    // What the compose migrate service does, once, before any server or worker starts.
    await medusaStep("migrate", ["db:migrate", "--execute-safe-links"])
    // Independent of each other: side by side.
    await Promise.all([
      seed && medusaStep("seed", ["exec", "./src/scripts/seed-demo.js"]),
      admin && medusaStep("admin", ["user", "-e", admin.email, "-p", admin.password]),
    ])
    const begun = Date.now()
    await Promise.all([...topology.servers, topology.worker].map((member) => topology.startMedusa(member.name)))
    say(`${topology.servers.length} servers and the worker are healthy (${((Date.now() - begun) / 1000).toFixed(1)} s)`)

    const nginxDir = join(runtimeDir, "nginx")
    const mainFile = writeNginxConfig({
      root: ROOT,
      runtimeDir: nginxDir,
      port: ports.nginx,
      upstreams: topology.servers.map((server) => `127.0.0.1:${server.port}`),
      distDir: join(ROOT, "storefront-miniapp", "dist"),
    })
    topology.accessLog = join(nginxDir, "access.log")
    const nginx = startProcess("nginx", NGINX, nginxArgs(mainFile, nginxDir), {
      cwd: nginxDir,
      env: baseEnv,
      logFile: join(logDir, "nginx.log"),
      onExit,
    })
    processes.set("nginx", nginx)
    await waitForHealth(`${topology.url}/health`, { timeoutMs: 10_000, isDead: () => nginx.child.exitCode !== null })
    say(`nginx serves ${topology.url}`)
    return topology
  } catch (error) {
    await topology.stop()
    throw error
  }
}
