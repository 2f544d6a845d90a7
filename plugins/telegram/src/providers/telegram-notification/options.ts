import { MedusaError } from "@medusajs/framework/utils"
import type { ResolvedTelegramNotificationOptions, TelegramNotificationOptions } from "./types"

export const TELEGRAM_API_ROOT = "https://api.telegram.org"

export const DEFAULTS = {
  apiRoot: TELEGRAM_API_ROOT,
  maxAttempts: 4,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 5_000,
  maxRetryAfterSeconds: 30,
  requestTimeoutMs: 10_000,
} as const satisfies Omit<ResolvedTelegramNotificationOptions, "botToken">

const INTEGER_OPTIONS = [
  ["maxAttempts", 1],
  ["retryBaseDelayMs", 0],
  ["retryMaxDelayMs", 0],
  ["maxRetryAfterSeconds", 0],
  ["requestTimeoutMs", 1],
] as const

/**
 * Checks the provider's options and fills in defaults. Throws a MedusaError naming the
 * offending option; never repeats the token.
 */
export function resolveOptions(options: Record<string, unknown> | undefined): ResolvedTelegramNotificationOptions {
  const input = (options ?? {}) as Partial<Record<keyof TelegramNotificationOptions, unknown>>

  if (typeof input.botToken !== "string" || !input.botToken.trim()) {
    throw invalid(
      "botToken is required: the bot's token from @BotFather (set TELEGRAM_BOT_TOKEN and pass it as options.botToken)"
    )
  }
  if (/\s/.test(input.botToken) || input.botToken.includes("/")) {
    throw invalid("botToken must not contain spaces or slashes")
  }

  const apiRoot = input.apiRoot === undefined || input.apiRoot === "" ? DEFAULTS.apiRoot : input.apiRoot
  if (typeof apiRoot !== "string" || !isHttpUrl(apiRoot)) {
    throw invalid(`apiRoot must be an http(s) URL such as ${TELEGRAM_API_ROOT}, got ${JSON.stringify(apiRoot)}`)
  }

  const resolved: ResolvedTelegramNotificationOptions = {
    ...DEFAULTS,
    botToken: input.botToken,
    apiRoot: normalizeApiRoot(apiRoot),
  }
  for (const [name, min] of INTEGER_OPTIONS) {
    const value = input[name]
    if (value === undefined) {
      continue
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
      throw invalid(`${name} must be an integer of at least ${min}, got ${JSON.stringify(value)}`)
    }
    resolved[name] = value
  }
  if (resolved.retryMaxDelayMs < resolved.retryBaseDelayMs) {
    throw invalid("retryMaxDelayMs must not be smaller than retryBaseDelayMs")
  }
  return resolved
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Telegram notification provider: ${message}`)
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

/**
 * telegraf resolves `./bot<token>/<method>` against the root, so a root with a path must
 * end with "/" or its last segment would be dropped.
 */
function normalizeApiRoot(apiRoot: string): string {
  return apiRoot.endsWith("/") ? apiRoot : `${apiRoot}/`
}
