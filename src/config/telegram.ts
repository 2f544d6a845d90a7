import { LOCAL_SECRET, type EnvReader } from "./env-reader"
import { LOCAL_STOREFRONT_URL } from "./server"

/** Shaped like a real token so every code path runs; `npm start` replaces it with a generated one. */
export const LOCAL_BOT_TOKEN = "1000000001:local-development-bot-token"
export const TELEGRAM_API_ROOT = "https://api.telegram.org"

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

/** The bot, the merchant's chat, the webhook, the Mini App's addresses and the Stars rate. */
export function readTelegram(reader: EnvReader): TelegramEnvironment {
  const { value, url, problems } = reader
  const botToken = readBotToken(reader)
  const { adminChatId, adminThreadId } = readAdminChat(reader)
  const webhookSecret = readWebhookSecret(reader)
  const miniAppUrl = url(
    "MINIAPP_URL",
    reader.required("MINIAPP_URL", LOCAL_STOREFRONT_URL, "the Mini App's public https URL"),
    ["http:", "https:"]
  )
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
  return {
    botToken,
    adminChatId,
    adminThreadId,
    apiRoot: apiRoot.replace(/\/+$/, ""),
    initDataMaxAgeSeconds,
    webhookSecret,
    miniAppUrl,
    starsRubRate,
    miniAppLink,
  }
}

function readBotToken({ required, problems }: EnvReader): string {
  const botToken = required("TELEGRAM_BOT_TOKEN", LOCAL_BOT_TOKEN, "the bot's token from @BotFather")
  if (!/^\d+:[\w-]+$/.test(botToken)) {
    problems.push("TELEGRAM_BOT_TOKEN must look like <bot id>:<secret>, as @BotFather gives it")
  }
  return botToken
}

function readAdminChat({ value, required, problems }: EnvReader) {
  const adminChatId = required("TELEGRAM_ADMIN_CHAT_ID", "", "the merchant's chat for sale notifications") || undefined
  if (adminChatId && !/^-?\d+$/.test(adminChatId)) {
    problems.push(`TELEGRAM_ADMIN_CHAT_ID must be a numeric chat id, got "${adminChatId}"`)
  }
  const threadRaw = value("TELEGRAM_ADMIN_THREAD_ID")
  const adminThreadId = threadRaw ? Number(threadRaw) : undefined
  if (threadRaw && !(/^\d{1,15}$/.test(threadRaw) && Number.isSafeInteger(adminThreadId) && adminThreadId! > 0)) {
    problems.push(`TELEGRAM_ADMIN_THREAD_ID must be a forum topic's numeric id, got "${threadRaw}"`)
  }
  return { adminChatId, adminThreadId }
}

function readWebhookSecret({ required, problems }: EnvReader): string {
  const webhookSecret = required("TELEGRAM_WEBHOOK_SECRET", LOCAL_SECRET, "checks that bot updates come from Telegram")
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
    problems.push("TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -")
  }
  return webhookSecret
}
