import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { checkOptions, describeProblems } from "../../utils/option-check"

export const TELEGRAM_API_ROOT = "https://api.telegram.org"

const count = (min: number) => {
  const error = `must be a whole number of at least ${min}`
  return z.number({ error }).int({ error }).min(min, { error })
}

const optionsSchema = z
  .object({
    /** The bot's token from @BotFather (TELEGRAM_BOT_TOKEN). */
    botToken: z
      .string({ error: "is required: the bot's token from @BotFather (pass TELEGRAM_BOT_TOKEN as options.botToken)" })
      .trim()
      .min(1, "is required: the bot's token from @BotFather (pass TELEGRAM_BOT_TOKEN as options.botToken)")
      .refine((token) => !/[\s/]/.test(token), "must not contain spaces or slashes"),
    /** Base URL of the Bot API: Telegram's, a local Bot API server, or a test double. */
    apiRoot: z
      .url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${TELEGRAM_API_ROOT}` })
      .default(TELEGRAM_API_ROOT)
      // telegraf resolves `./bot<token>/<method>` against the root: a root with a path must end with "/".
      .transform((root) => (root.endsWith("/") ? root : `${root}/`)),
    /** Attempts per message chunk, the first one included. */
    maxAttempts: count(1).default(4),
    /** First back-off delay after a network error or a 5xx, doubled each time. */
    retryBaseDelayMs: count(0).default(500),
    /** Longest back-off delay. */
    retryMaxDelayMs: count(0).default(5_000),
    /** A 429 asking to wait longer than this fails at once instead of waiting. */
    maxRetryAfterSeconds: count(0).default(30),
    /** One request's time limit; a request that takes longer counts as a network error. */
    requestTimeoutMs: count(1).default(10_000),
    /** Medusa's notification module passes the provider's channels along with its options. */
    channels: z.array(z.string()).optional(),
  })
  .strict()
  .refine((options) => options.retryMaxDelayMs >= options.retryBaseDelayMs, {
    path: ["retryMaxDelayMs"],
    message: "must not be smaller than retryBaseDelayMs",
  })

/** The provider's options, as written in `medusa-config.ts`. */
export type TelegramNotificationOptions = z.input<typeof optionsSchema>
/** Options with every default filled in. */
export type ResolvedTelegramNotificationOptions = Omit<z.output<typeof optionsSchema>, "channels">

/** Checks the provider's options and fills in defaults; the error names the option, never the token. */
export function parseTelegramNotificationOptions(raw: unknown): ResolvedTelegramNotificationOptions {
  const { options, problems } = checkOptions(optionsSchema, raw ?? {})
  if (!options) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Telegram notification provider: ${describeProblems(problems)}`
    )
  }
  const { channels: _channels, ...resolved } = options
  return resolved
}
