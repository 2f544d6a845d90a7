import { checkTelegramAuthOptions, checkTelegramPluginOptions } from "@aistore/medusa-telegram/options"
import { LOCAL_SECRET, type EnvReader } from "./env-reader"
import { asNumber, reportOptionProblems } from "./option-problems"
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

/** The variable each of the plugin's options (and its auth provider's) comes from. */
const VARIABLE_OF_OPTION = {
  botToken: "TELEGRAM_BOT_TOKEN",
  initDataMaxAgeSeconds: "TELEGRAM_INIT_DATA_MAX_AGE",
  adminChatId: "TELEGRAM_ADMIN_CHAT_ID",
  adminThreadId: "TELEGRAM_ADMIN_THREAD_ID",
  webhookSecret: "TELEGRAM_WEBHOOK_SECRET",
  miniAppUrl: "MINIAPP_URL",
  "stars.botToken": "TELEGRAM_BOT_TOKEN",
  "stars.apiRoot": "TELEGRAM_API_ROOT",
  "stars.rubPerStar": "TELEGRAM_STARS_RUB_RATE",
}
const SECRETS = ["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET"]

/**
 * The bot, the merchant's chat, the webhook, the Mini App's addresses and the Stars rate: mapped
 * onto the Telegram plugin's options and its auth provider's, which judge them. Only deployment
 * rules are checked here.
 */
export function readTelegram(reader: EnvReader): TelegramEnvironment {
  const { value, required } = reader
  const botToken = required("TELEGRAM_BOT_TOKEN", LOCAL_BOT_TOKEN, "the bot's token from @BotFather")
  const adminChatId = required("TELEGRAM_ADMIN_CHAT_ID", "", "the merchant's chat for sale notifications") || undefined
  const webhookSecret = readWebhookSecret(reader)
  const miniAppUrl = required("MINIAPP_URL", LOCAL_STOREFRONT_URL, "the Mini App's public https URL")
  const miniAppLink = readMiniAppLink(reader)
  const apiRoot = (value("TELEGRAM_API_ROOT") ?? TELEGRAM_API_ROOT).replace(/\/+$/, "")

  const auth = checkTelegramAuthOptions({
    botToken,
    initDataMaxAgeSeconds: asNumber(value("TELEGRAM_INIT_DATA_MAX_AGE")),
  })
  reportOptionProblems(reader, auth.problems, VARIABLE_OF_OPTION, { plugin: "Telegram", secrets: SECRETS })
  const plugin = checkTelegramPluginOptions({
    adminChatId,
    adminThreadId: asNumber(value("TELEGRAM_ADMIN_THREAD_ID")),
    webhookSecret,
    miniAppUrl,
    stars: { botToken, apiRoot, rubPerStar: asNumber(value("TELEGRAM_STARS_RUB_RATE") ?? "1.6") },
  })
  reportOptionProblems(reader, plugin.problems, VARIABLE_OF_OPTION, { plugin: "Telegram", secrets: SECRETS })

  return {
    botToken,
    adminChatId,
    adminThreadId: plugin.options?.adminThreadId,
    apiRoot,
    // Zero only with a problem reported, which stops the start.
    initDataMaxAgeSeconds: auth.options?.initDataMaxAgeSeconds ?? 0,
    webhookSecret,
    miniAppUrl,
    starsRubRate: plugin.options?.stars?.rubPerStar ?? 0,
    miniAppLink,
  }
}

/** Telegram accepts 1 to 256 characters; a deployment needs one that cannot be guessed. */
function readWebhookSecret({ required, problems }: EnvReader): string {
  const webhookSecret = required("TELEGRAM_WEBHOOK_SECRET", LOCAL_SECRET, "checks that bot updates come from Telegram")
  if (webhookSecret.length < 16) {
    problems.push("TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -")
  }
  return webhookSecret
}

/** The storefront's own setting: the plugins never see it. */
function readMiniAppLink({ value, problems }: EnvReader): string | undefined {
  const miniAppLink = value("TELEGRAM_MINIAPP_LINK")
  if (miniAppLink && !/^https:\/\/t\.me\/\w+(\/\w+)?\/?$/.test(miniAppLink)) {
    problems.push(`TELEGRAM_MINIAPP_LINK must look like https://t.me/<bot>/<app>, got "${miniAppLink}"`)
  }
  return miniAppLink
}
