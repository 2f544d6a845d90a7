import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { starsOptionsSchema } from "./providers/telegram-stars/options"
import { checkOptions, describeProblems, type OptionCheck } from "./utils/option-check"

// The auth provider's own check, for an app that maps the environment onto its options too.
export { checkTelegramAuthOptions, type TelegramAuthOptions } from "./providers/telegram-auth/options"

export const PLUGIN_NAME = "@aistore/medusa-telegram"

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http: or https: URL" })

const optionsSchema = z
  .object({
    /** Chat that hears about every sale: a user, group or channel id, or a @channel name. */
    adminChatId: z
      .string()
      .trim()
      .regex(/^(-?\d+|@[A-Za-z]\w{3,})$/, "must be a chat id (digits, - for groups) or a @channel name")
      .optional(),
    /** Forum topic of that chat, if it is a forum. */
    adminThreadId: z
      .number({ error: "must be a forum topic's numeric id" })
      .int("must be a forum topic's numeric id")
      .positive("must be a forum topic's numeric id")
      .optional(),
    /** The admin's base URL (`<backend>/app`), for links to orders. */
    adminUrl: httpUrl.optional(),
    /** Telegram sends it with every update to /hooks/telegram; without it every update is refused. */
    webhookSecret: z
      .string()
      .regex(/^[\w-]{1,256}$/, "must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's secret_token)")
      .optional(),
    /** The Mini App's public URL: what /start's button opens. */
    miniAppUrl: httpUrl.optional(),
    /** Telegram Stars payments: the same options the `telegram-stars` payment provider gets. */
    stars: starsOptionsSchema.optional(),
  })
  .strict()

/** The options an app gives this plugin in medusa-config (`plugins: [{ resolve, options }]`). */
export type TelegramPluginOptionsInput = z.input<typeof optionsSchema>
export type TelegramPluginOptions = z.output<typeof optionsSchema>

export type { OptionCheck, OptionProblem } from "./utils/option-check"

/**
 * Checks the options without throwing, for a caller that reports in its own terms (an app naming
 * the environment variable each option came from). Medusa hands a plugin's options to its
 * modules and adds its own `database` entry to that same object: not the plugin's to check.
 */
export function checkTelegramPluginOptions(raw: unknown): OptionCheck<TelegramPluginOptions> {
  const { database: _addedByMedusa, ...options } = isRecord(raw) ? raw : {}
  return checkOptions(optionsSchema, options)
}

/** Validates the plugin's options; the error names every option that is wrong (never a value). */
export function parseTelegramPluginOptions(raw: unknown): TelegramPluginOptions {
  const { options, problems } = checkTelegramPluginOptions(raw)
  if (options) {
    return options
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Invalid options for ${PLUGIN_NAME}: ${describeProblems(problems)}`
  )
}

const parsedByConfig = new WeakMap<object, TelegramPluginOptions>()

/** The plugin's options as the app configured them (checked at start by the account module's loader). */
export function telegramPluginOptions(container: MedusaContainer): TelegramPluginOptions {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  let options = parsedByConfig.get(config)
  if (!options) {
    const plugin = config.plugins.find((entry) => (typeof entry === "string" ? entry : entry.resolve) === PLUGIN_NAME)
    options = parseTelegramPluginOptions(typeof plugin === "object" ? plugin.options : undefined)
    parsedByConfig.set(config, options)
  }
  return options
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}
