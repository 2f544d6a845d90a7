/**
 * The store's configuration, read once from the environment and validated.
 *
 * Local mode (no NODE_ENV=production) works with nothing set: every value has an
 * embedded default. In production nothing secret or deployment-specific has a
 * default: every missing or invalid variable is reported in one message and the
 * start stops.
 */

export type WorkerMode = "shared" | "server" | "worker"

export interface StoreEnvironment {
  isProduction: boolean
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
  telegram: TelegramEnvironment
}

export interface TelegramEnvironment {
  /** The bot's token: checks shoppers' initData and sends messages. */
  botToken: string
  /** The merchant's chat for sale notifications (a user, group or channel id). */
  adminChatId?: string
  /** Bot API base URL: a local Bot API server, or a test double. */
  apiRoot: string
  /** How old a shopper's initData may be, in seconds. */
  initDataMaxAgeSeconds: number
  /** Telegram sends it with every webhook update (X-Telegram-Bot-Api-Secret-Token). */
  webhookSecret: string
  /** The Mini App's public URL: what the bot's /start button and menu button open. */
  miniAppUrl: string
}

/** Port the embedded PostgreSQL of local mode listens on. */
export const LOCAL_DATABASE_PORT = 54329
export const LOCAL_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${LOCAL_DATABASE_PORT}/aistore`
export const LOCAL_STOREFRONT_URL = "http://localhost:5173"

const LOCAL_SECRET = "local-development-only-secret"
/** Shaped like a real token so every code path runs; `npm start` replaces it with a generated one. */
export const LOCAL_BOT_TOKEN = "1000000001:local-development-bot-token"
export const TELEGRAM_API_ROOT = "https://api.telegram.org"
const WORKER_MODES: readonly WorkerMode[] = ["shared", "server", "worker"]

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `AI Store cannot start, the environment is incomplete:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n") +
        `\nSee .env.example for what each variable means.`
    )
    this.name = "EnvironmentError"
  }
}

type Env = Record<string, string | undefined>

export function readEnvironment(env: Env = process.env): StoreEnvironment {
  const isProduction = env.NODE_ENV === "production"
  const problems: string[] = []
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim()
    return raw ? raw : undefined
  }

  /** A variable production must set; local mode falls back to `localDefault`. */
  const required = (name: string, localDefault: string, why: string): string => {
    const found = value(name)
    if (found) {
      return found
    }
    if (isProduction) {
      problems.push(`${name} is required in production (${why})`)
    }
    return localDefault
  }

  const url = (name: string, raw: string, protocols: string[]): string => {
    try {
      const parsed = new URL(raw)
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(" or ")} URL, got "${parsed.protocol}"`)
      }
    } catch {
      problems.push(`${name} is not a valid URL`)
    }
    return raw
  }

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

  const secret = (name: string): string => {
    const found = required(name, LOCAL_SECRET, "a long random string")
    if (isProduction && found && found.length < 32 && value(name)) {
      problems.push(`${name} must be at least 32 characters long`)
    }
    return found
  }
  const jwtSecret = secret("JWT_SECRET")
  const cookieSecret = secret("COOKIE_SECRET")

  const backendUrl = url(
    "MEDUSA_BACKEND_URL",
    required("MEDUSA_BACKEND_URL", `http://localhost:${value("PORT") ?? "9000"}`, "the public https URL of the backend"),
    ["http:", "https:"]
  ).replace(/\/+$/, "")
  if (isProduction && value("MEDUSA_BACKEND_URL") && /^https?:\/\/(localhost|127\.|\[::1\])/.test(backendUrl)) {
    problems.push("MEDUSA_BACKEND_URL must be the public address in production, not localhost")
  }

  const storeCors = required("STORE_CORS", LOCAL_STOREFRONT_URL, "the Mini App's origin")
  const adminCors = required("ADMIN_CORS", "http://localhost:9000", "the admin's origin")
  const authCors = value("AUTH_CORS") ?? `${storeCors},${adminCors}`

  const workerModeRaw = value("MEDUSA_WORKER_MODE") ?? "shared"
  if (!WORKER_MODES.includes(workerModeRaw as WorkerMode)) {
    problems.push(`MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")}, got "${workerModeRaw}"`)
  }

  const hopsRaw = value("TRUSTED_PROXY_HOPS") ?? "0"
  const trustedProxyHops = Number(hopsRaw)
  if (!Number.isInteger(trustedProxyHops) || trustedProxyHops < 0 || trustedProxyHops > 10) {
    problems.push(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, got "${hopsRaw}"`)
  }

  const botToken = required("TELEGRAM_BOT_TOKEN", LOCAL_BOT_TOKEN, "the bot's token from @BotFather")
  if (!/^\d+:[\w-]+$/.test(botToken)) {
    problems.push("TELEGRAM_BOT_TOKEN must look like <bot id>:<secret>, as @BotFather gives it")
  }
  const adminChatId = required("TELEGRAM_ADMIN_CHAT_ID", "", "the merchant's chat for sale notifications") || undefined
  if (adminChatId && !/^-?\d+$/.test(adminChatId)) {
    problems.push(`TELEGRAM_ADMIN_CHAT_ID must be a numeric chat id, got "${adminChatId}"`)
  }
  const webhookSecret = required("TELEGRAM_WEBHOOK_SECRET", LOCAL_SECRET, "checks that bot updates come from Telegram")
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
    problems.push("TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -")
  }
  const miniAppUrl = url("MINIAPP_URL", required("MINIAPP_URL", LOCAL_STOREFRONT_URL, "the Mini App's public https URL"), [
    "http:",
    "https:",
  ])
  const apiRoot = url("TELEGRAM_API_ROOT", value("TELEGRAM_API_ROOT") ?? TELEGRAM_API_ROOT, ["http:", "https:"])
  const maxAgeRaw = value("TELEGRAM_INIT_DATA_MAX_AGE") ?? "86400"
  const initDataMaxAgeSeconds = Number(maxAgeRaw)
  if (!Number.isInteger(initDataMaxAgeSeconds) || initDataMaxAgeSeconds < 60) {
    problems.push(`TELEGRAM_INIT_DATA_MAX_AGE must be a whole number of seconds, at least 60, got "${maxAgeRaw}"`)
  }

  if (problems.length) {
    throw new EnvironmentError(problems)
  }

  return {
    isProduction,
    databaseUrl,
    redisUrl,
    jwtSecret,
    cookieSecret,
    backendUrl,
    storeCors,
    adminCors,
    authCors,
    workerMode: workerModeRaw as WorkerMode,
    disableAdmin: value("DISABLE_MEDUSA_ADMIN") === "true",
    trustedProxyHops,
    telegram: {
      botToken,
      adminChatId,
      apiRoot: apiRoot.replace(/\/+$/, ""),
      initDataMaxAgeSeconds,
      webhookSecret,
      miniAppUrl,
    },
  }
}
