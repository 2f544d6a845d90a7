/**
 * The store's configuration, read once from the environment and validated.
 *
 * Local mode (no NODE_ENV=production) works with nothing set: every value has an
 * embedded default. In production nothing secret or deployment-specific has a
 * default: every missing or invalid variable is reported in one message and the
 * start stops.
 */
import type { CourseAccessOptionsInput } from "@aistore/medusa-course-access/types"

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
  /** Their addresses or ranges: a header is believed only from one of them (TRUSTED_PROXIES). */
  trustedProxies: string[]
  /** The store's time zone for click statistics (days start at its midnight). */
  clicksTimeZone: string
  /** /store's publishable-key check from the store cache (STORE_KEY_CACHE=off keeps Medusa's own lookup). */
  publishableKeyCache: boolean
  telegram: TelegramEnvironment
  yookassa: YookassaEnvironment
  /** The payment methods the region offers, in the Mini App's order. */
  paymentMethods: PaymentMethod[]
}

export type PaymentMethod = "yookassa" | "stars"
export const PAYMENT_METHODS: readonly PaymentMethod[] = ["yookassa", "stars"]
/** Medusa's provider id of each payment method. */
export const PAYMENT_PROVIDER_IDS: Record<PaymentMethod, string> = {
  yookassa: "pp_yookassa_yookassa",
  stars: "pp_telegram-stars_telegram-stars",
}

export interface YookassaEnvironment {
  shopId: string
  secretKey: string
  apiUrl: string
  returnUrl: string
  captureMode: "one-stage" | "two-stage"
  confirmationType: "redirect" | "embedded"
  /** The embedded confirmation's widget script: Yookassa's own, or in development the sandbox's stand-in. */
  widgetUrl: string
  receipts: { enabled: boolean; vatCode: number; taxSystemCode?: number; paymentSubject: string; paymentMode: string }
  /** Extra webhook sender ranges, on top of Yookassa's published ones. */
  trustedIps: string[]
  /** Webhooks from loopback only from the local sandbox: outside production, with a loopback API URL. */
  allowLoopback: boolean
  webhookDelayMs: number
}

export interface TelegramEnvironment {
  /** The bot's token: checks shoppers' initData and sends messages. */
  botToken: string
  /** The merchant's chat for sale notifications (a user, group or channel id). */
  adminChatId?: string
  /** The forum topic of that chat, if it is a forum (message_thread_id). */
  adminThreadId?: number
  /** Bot API base URL: a local Bot API server, or a test double. */
  apiRoot: string
  /** How old a shopper's initData may be, in seconds. */
  initDataMaxAgeSeconds: number
  /** Telegram sends it with every webhook update (X-Telegram-Bot-Api-Secret-Token). */
  webhookSecret: string
  /** The Mini App's public URL: what the bot's /start button and menu button open. */
  miniAppUrl: string
  /** Roubles per Telegram Star: a cart's Stars price is its RUB total divided by it, rounded up. */
  starsRubRate: number
  /** The Mini App's t.me link (https://t.me/<bot>/<app>), shown to visitors outside Telegram. */
  miniAppLink?: string
}

/** Port the embedded PostgreSQL of local mode listens on. */
export const LOCAL_DATABASE_PORT = 54329
export const LOCAL_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${LOCAL_DATABASE_PORT}/aistore`
export const LOCAL_STOREFRONT_URL = "http://localhost:5173"

const LOCAL_SECRET = "local-development-only-secret"
/** Shaped like a real token so every code path runs; `npm start` replaces it with a generated one. */
export const LOCAL_BOT_TOKEN = "1000000001:local-development-bot-token"
export const TELEGRAM_API_ROOT = "https://api.telegram.org"
export const YOOKASSA_API_URL = "https://api.yookassa.ru/v3"
/** Yookassa's checkout widget (the embedded confirmation), as its documentation loads it. */
export const YOOKASSA_WIDGET_URL = "https://yookassa.ru/checkout-widget/v1/checkout-widget.js"
/** Local mode's Yookassa sandbox credentials (`npm start` runs the sandbox when no shop id is set). */
export const SANDBOX_SHOP_ID = "100500"
export const SANDBOX_SECRET_KEY = "test_local-sandbox-secret-key"
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

/** An IANA zone name this runtime (and so PostgreSQL's AT TIME ZONE, which knows the same) understands. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name })
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)
  } catch {
    return false
  }
}

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

  const trustedProxies = addressList("TRUSTED_PROXIES", value, problems)
  const clicksTimeZone = value("CLICKS_TIME_ZONE") ?? "Europe/Moscow"
  if (!isTimeZone(clicksTimeZone)) {
    problems.push(`CLICKS_TIME_ZONE must be an IANA time zone such as Europe/Moscow, got "${clicksTimeZone}"`)
  }
  const keyCacheRaw = value("STORE_KEY_CACHE") ?? "on"
  if (keyCacheRaw !== "on" && keyCacheRaw !== "off") {
    problems.push(`STORE_KEY_CACHE must be "on" or "off", got "${keyCacheRaw}"`)
  }

  const botToken = required("TELEGRAM_BOT_TOKEN", LOCAL_BOT_TOKEN, "the bot's token from @BotFather")
  if (!/^\d+:[\w-]+$/.test(botToken)) {
    problems.push("TELEGRAM_BOT_TOKEN must look like <bot id>:<secret>, as @BotFather gives it")
  }
  const adminChatId = required("TELEGRAM_ADMIN_CHAT_ID", "", "the merchant's chat for sale notifications") || undefined
  if (adminChatId && !/^-?\d+$/.test(adminChatId)) {
    problems.push(`TELEGRAM_ADMIN_CHAT_ID must be a numeric chat id, got "${adminChatId}"`)
  }
  const threadRaw = value("TELEGRAM_ADMIN_THREAD_ID")
  const adminThreadId = threadRaw ? Number(threadRaw) : undefined
  if (threadRaw && !(/^\d{1,15}$/.test(threadRaw) && Number.isSafeInteger(adminThreadId) && adminThreadId! > 0)) {
    problems.push(`TELEGRAM_ADMIN_THREAD_ID must be a forum topic's numeric id, got "${threadRaw}"`)
  }
  const webhookSecret = required("TELEGRAM_WEBHOOK_SECRET", LOCAL_SECRET, "checks that bot updates come from Telegram")
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
    problems.push("TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -")
  }
  const miniAppUrl = url("MINIAPP_URL", required("MINIAPP_URL", LOCAL_STOREFRONT_URL, "the Mini App's public https URL"), [
    "http:",
    "https:",
  ])
  const miniAppLink = value("TELEGRAM_MINIAPP_LINK")
  if (miniAppLink && !/^https:\/\/t\.me\/\w+(\/\w+)?\/?$/.test(miniAppLink)) {
    problems.push(`TELEGRAM_MINIAPP_LINK must look like https://t.me/<bot>/<app>, got "${miniAppLink}"`)
  }
  const apiRoot = url("TELEGRAM_API_ROOT", value("TELEGRAM_API_ROOT") ?? TELEGRAM_API_ROOT, ["http:", "https:"])
  const maxAgeRaw = value("TELEGRAM_INIT_DATA_MAX_AGE") ?? "86400"
  const initDataMaxAgeSeconds = Number(maxAgeRaw)
  if (!Number.isInteger(initDataMaxAgeSeconds) || initDataMaxAgeSeconds < 60) {
    problems.push(`TELEGRAM_INIT_DATA_MAX_AGE must be a whole number of seconds, at least 60, got "${maxAgeRaw}"`)
  }

  const starsRateRaw = value("TELEGRAM_STARS_RUB_RATE") ?? "1.6"
  const starsRubRate = Number(starsRateRaw)
  if (!Number.isFinite(starsRubRate) || starsRubRate <= 0 || starsRubRate > 1_000_000) {
    problems.push(`TELEGRAM_STARS_RUB_RATE must be a positive number of roubles per Star, got "${starsRateRaw}"`)
  }
  const methodsRaw = (value("PAYMENT_METHODS") ?? PAYMENT_METHODS.join(","))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
  const paymentMethods = [...new Set(methodsRaw)].filter((entry): entry is PaymentMethod => {
    if (PAYMENT_METHODS.includes(entry as PaymentMethod)) {
      return true
    }
    problems.push(`PAYMENT_METHODS must list some of ${PAYMENT_METHODS.join(", ")}, got "${entry}"`)
    return false
  })
  if (!methodsRaw.length) {
    problems.push(`PAYMENT_METHODS must list at least one of ${PAYMENT_METHODS.join(", ")}`)
  }

  const yookassa = readYookassa({ isProduction, problems, value, required, url, miniAppUrl })

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
    trustedProxies,
    clicksTimeZone,
    publishableKeyCache: keyCacheRaw !== "off",
    telegram: {
      botToken,
      adminChatId,
      adminThreadId,
      apiRoot: apiRoot.replace(/\/+$/, ""),
      initDataMaxAgeSeconds,
      webhookSecret,
      miniAppUrl,
      starsRubRate,
      miniAppLink,
    },
    yookassa,
    paymentMethods,
  }
}

type Readers = {
  isProduction: boolean
  problems: string[]
  value: (name: string) => string | undefined
  required: (name: string, localDefault: string, why: string) => string
  url: (name: string, raw: string, protocols: string[]) => string
  miniAppUrl: string
}

function readYookassa({ isProduction, problems, value, required, url, miniAppUrl }: Readers): YookassaEnvironment {
  const integer = (name: string, fallback: number | undefined, min: number, max: number): number | undefined => {
    const raw = value(name)
    if (raw === undefined) {
      return fallback
    }
    const parsed = Number(raw)
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
      return fallback
    }
    return parsed
  }
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = value(name) ?? fallback
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(", ")}, got "${raw}"`)
      return fallback
    }
    return raw as T
  }
  const receiptsRaw = value("YOOKASSA_RECEIPTS") ?? "true"
  if (!["true", "false"].includes(receiptsRaw)) {
    problems.push(`YOOKASSA_RECEIPTS must be true or false, got "${receiptsRaw}"`)
  }
  const trustedIps = addressList("YOOKASSA_TRUSTED_IPS", value, problems)
  const apiUrl = url("YOOKASSA_API_URL", value("YOOKASSA_API_URL") ?? YOOKASSA_API_URL, ["http:", "https:"]).replace(/\/+$/, "")
  const widgetUrl = url("YOOKASSA_WIDGET_URL", value("YOOKASSA_WIDGET_URL") ?? YOOKASSA_WIDGET_URL, ["http:", "https:"])
  // Shoppers' browsers run this script with the payment form in it: only Yookassa's own in production.
  if (isProduction && widgetUrl !== YOOKASSA_WIDGET_URL) {
    problems.push(`YOOKASSA_WIDGET_URL is for development (the Yookassa sandbox's stand-in widget); production uses ${YOOKASSA_WIDGET_URL}`)
  }
  return {
    shopId: required("YOOKASSA_SHOP_ID", SANDBOX_SHOP_ID, "your shop id from Yookassa's dashboard"),
    secretKey: required("YOOKASSA_SECRET_KEY", SANDBOX_SECRET_KEY, "your secret key from Yookassa's dashboard"),
    apiUrl,
    returnUrl: url("YOOKASSA_RETURN_URL", value("YOOKASSA_RETURN_URL") ?? miniAppUrl, ["http:", "https:"]),
    captureMode: oneOf("YOOKASSA_CAPTURE_MODE", ["one-stage", "two-stage"] as const, "one-stage"),
    confirmationType: oneOf("YOOKASSA_CONFIRMATION_TYPE", ["redirect", "embedded"] as const, "redirect"),
    widgetUrl,
    receipts: {
      enabled: receiptsRaw !== "false",
      vatCode: integer("YOOKASSA_VAT_CODE", 1, 1, 12)!,
      taxSystemCode: integer("YOOKASSA_TAX_SYSTEM_CODE", undefined, 1, 6),
      paymentSubject: value("YOOKASSA_PAYMENT_SUBJECT") ?? "service",
      paymentMode: value("YOOKASSA_PAYMENT_MODE") ?? "full_payment",
    },
    trustedIps,
    allowLoopback: !isProduction && isLoopbackUrl(apiUrl),
    webhookDelayMs: integer("YOOKASSA_WEBHOOK_DELAY_MS", 250, 0, 60_000)!,
  }
}

/** A comma-separated list of IP addresses or CIDR ranges. */
function addressList(name: string, value: (name: string) => string | undefined, problems: string[]): string[] {
  const entries = (value(name) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const range of entries) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(range)) {
      problems.push(`${name} must be a comma-separated list of IP addresses or CIDR ranges, got "${range}"`)
    }
  }
  return entries
}

/** The local sandbox listens on loopback; a real Yookassa never does. */
function isLoopbackUrl(raw: string): boolean {
  try {
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, "")
    return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host)
  } catch {
    return false
  }
}

/** The course-access plugin's options (the plugin validates them): the store bot that works the course chats. */
export function courseAccessOptions(env: StoreEnvironment): CourseAccessOptionsInput {
  return { botToken: env.telegram.botToken, apiRoot: env.telegram.apiRoot }
}
