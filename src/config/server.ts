import { LOCAL_SECRET, type EnvReader } from "./env-reader"
// Shared with scripts/local/embedded-database.mjs, which starts that PostgreSQL.
import localDefaults from "./local-defaults.json"

export type WorkerMode = "shared" | "server" | "worker"
const WORKER_MODES: readonly WorkerMode[] = ["shared", "server", "worker"]

/** Port the embedded PostgreSQL of local mode listens on (scripts/local/embedded-database.mjs starts it there). */
export const LOCAL_DATABASE_PORT = localDefaults.databasePort
export const LOCAL_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${LOCAL_DATABASE_PORT}/${localDefaults.databaseName}`
export const LOCAL_STOREFRONT_URL = "http://localhost:5173"

export interface ServerEnvironment {
  databaseUrl: string
  redisUrl?: string
  jwtSecret: string
  cookieSecret: string
  /** Public URL of the backend: file URLs and the admin are built from it. */
  backendUrl: string
  storeCors: string
  adminCors: string
  authCors: string
  workerMode: WorkerMode
  disableAdmin: boolean
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed. */
  trustedProxyHops: number
  /** Their addresses or ranges: a header is believed only from one of them (TRUSTED_PROXIES). */
  trustedProxies: string[]
}

/** Medusa's own settings: database, Redis, secrets, public URL, CORS, worker mode, proxies. */
export function readServer(reader: EnvReader): ServerEnvironment {
  const { value, required, problems } = reader
  const { databaseUrl, redisUrl } = readStorage(reader)
  const jwtSecret = readSecret(reader, "JWT_SECRET")
  const cookieSecret = readSecret(reader, "COOKIE_SECRET")
  const backendUrl = readBackendUrl(reader)

  const storeCors = required("STORE_CORS", LOCAL_STOREFRONT_URL, "the Mini App's origin")
  const adminCors = required("ADMIN_CORS", "http://localhost:9000", "the admin's origin")
  const authCors = value("AUTH_CORS") ?? `${storeCors},${adminCors}`

  const workerMode = value("MEDUSA_WORKER_MODE") ?? "shared"
  if (!WORKER_MODES.includes(workerMode as WorkerMode)) {
    problems.push(`MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")}, got "${workerMode}"`)
  }

  const hopsRaw = value("TRUSTED_PROXY_HOPS") ?? "0"
  const trustedProxyHops = Number(hopsRaw)
  if (!Number.isInteger(trustedProxyHops) || trustedProxyHops < 0 || trustedProxyHops > 10) {
    problems.push(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, got "${hopsRaw}"`)
  }

  return {
    databaseUrl,
    redisUrl,
    jwtSecret,
    cookieSecret,
    backendUrl,
    storeCors,
    adminCors,
    authCors,
    workerMode: workerMode as WorkerMode,
    disableAdmin: value("DISABLE_MEDUSA_ADMIN") === "true",
    trustedProxyHops,
    trustedProxies: reader.addressList("TRUSTED_PROXIES"),
  }
}

function readStorage({ value, required, url, problems, isProduction }: EnvReader) {
  const databaseUrl = url(
    "DATABASE_URL",
    required("DATABASE_URL", LOCAL_DATABASE_URL, "the PostgreSQL connection string"),
    ["postgres:", "postgresql:"]
  )
  const redisRaw = value("REDIS_URL")
  if (!redisRaw && isProduction) {
    problems.push(
      "REDIS_URL is required in production (event bus, workflow engine, cache and locking shared by server and worker)"
    )
  }
  const redisUrl = redisRaw ? url("REDIS_URL", redisRaw, ["redis:", "rediss:"]) : undefined
  return { databaseUrl, redisUrl }
}

function readSecret({ value, required, problems, isProduction }: EnvReader, name: string): string {
  const found = required(name, LOCAL_SECRET, "a long random string")
  if (isProduction && found && found.length < 32 && value(name)) {
    problems.push(`${name} must be at least 32 characters long`)
  }
  return found
}

function readBackendUrl({ value, required, url, problems, isProduction }: EnvReader): string {
  const backendUrl = url(
    "MEDUSA_BACKEND_URL",
    required(
      "MEDUSA_BACKEND_URL",
      `http://localhost:${value("PORT") ?? "9000"}`,
      "the public https URL of the backend"
    ),
    ["http:", "https:"]
  ).replace(/\/+$/, "")
  if (isProduction && value("MEDUSA_BACKEND_URL") && /^https?:\/\/(localhost|127\.|\[::1\])/.test(backendUrl)) {
    problems.push("MEDUSA_BACKEND_URL must be the public address in production, not localhost")
  }
  return backendUrl
}
