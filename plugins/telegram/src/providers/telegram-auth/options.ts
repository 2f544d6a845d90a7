import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { checkOptions, describeProblems, type OptionCheck } from "../../utils/option-check"

const DEFAULT_MAX_AGE_SECONDS = 24 * 60 * 60

const optionsSchema = z
  .object({
    /** The bot's token: initData is checked with its HMAC. */
    botToken: z
      .string()
      .trim()
      .regex(/^\d+:[\w-]+$/, "must look like <bot id>:<secret>, as @BotFather gives it")
      .optional(),
    /** Without a token: check Telegram's Ed25519 signature for this bot id instead. */
    botId: z
      .number({ error: "must be the bot's numeric id" })
      .int()
      .positive("must be the bot's numeric id")
      .optional(),
    /** Use Telegram's test-environment key for the Ed25519 check. */
    testEnvironment: z.boolean().default(false),
    /** How old initData may be, in seconds. */
    initDataMaxAgeSeconds: z
      .number({ error: "must be a whole number of seconds, at least 60" })
      .int("must be a whole number of seconds, at least 60")
      .min(60, "must be a whole number of seconds, at least 60")
      .default(DEFAULT_MAX_AGE_SECONDS),
  })
  .strict()
  .refine((options) => options.botToken || options.botId, {
    message: "set the option botToken (or botId for third-party validation)",
  })

export type TelegramAuthOptions = z.input<typeof optionsSchema>
export type ResolvedTelegramAuthOptions = z.output<typeof optionsSchema>

/**
 * Checks the options without throwing: each problem's option and message, for a caller that
 * reports in its own terms.
 */
export function checkTelegramAuthOptions(raw: unknown): OptionCheck<ResolvedTelegramAuthOptions> {
  return checkOptions(optionsSchema, raw ?? {})
}

/** Checks the provider's options and fills in defaults; the error names the option, never the token. */
export function parseTelegramAuthOptions(raw: unknown): ResolvedTelegramAuthOptions {
  const { options, problems } = checkTelegramAuthOptions(raw)
  if (options) {
    return options
  }
  throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Telegram auth provider: ${describeProblems(problems)}`)
}
