import { z } from "@medusajs/framework/zod"
import { checkOptions, describeProblems } from "../../utils/option-check"
import { MedusaError } from "@medusajs/framework/utils"

/** Medusa's id of the provider registered as `{ id: "telegram-stars" }`: `pp_<identifier>_<id>`. */
export const STARS_PROVIDER_ID = "pp_telegram-stars_telegram-stars"
export const STARS_CURRENCY = "XTR"
export const TELEGRAM_API_ROOT = "https://api.telegram.org"

export const starsOptionsSchema = z
  .object({
    botToken: z
      .string()
      .trim()
      .regex(/^\d+:[\w-]+$/, "must look like <bot id>:<secret>, as @BotFather gives it"),
    apiRoot: z.url({ protocol: /^https?$/, error: "must be an http: or https: URL" }).default(TELEGRAM_API_ROOT),
    /** Roubles per Star: a cart's RUB total divided by it, rounded up, is its Stars price. */
    rubPerStar: z
      .number({ error: "must be a positive number of roubles per Star" })
      .positive("must be a positive number of roubles per Star")
      .max(1_000_000, "must be a positive number of roubles per Star"),
    /** The invoice's title in Telegram (1–32 characters). */
    invoiceTitle: z.string().trim().min(1).max(32).default("AI Store"),
    /** Each Bot API call: Telegram gives the store 10 s to answer a pre-checkout query. */
    callTimeoutMs: z.number().int().min(100).max(9_000).default(5_000),
    reconciliation: z
      .object({
        /** How far back the job reads the bot's Star transactions. */
        lookbackHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 30)
          .default(48),
        /** A run stops taking new charges after this long; the rest waits for the next run. */
        timeBudgetMs: z.number().int().min(1_000).max(55_000).default(40_000),
      })
      .prefault({}),
  })
  .strict()

export type StarsOptionsInput = z.input<typeof starsOptionsSchema>
export type StarsOptions = z.output<typeof starsOptionsSchema>

/** Validates the options; the error names every option that is wrong (never the token's value). */
export function parseStarsOptions(raw: unknown): StarsOptions {
  const { options, problems } = checkOptions(starsOptionsSchema, raw ?? {})
  if (options) {
    return options
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid Telegram Stars options: ${describeProblems(problems)}`)
}
