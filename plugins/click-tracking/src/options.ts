import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { MAX_EVENTS_PER_BATCH } from "./api/store/clicks/validators"
import { CLIENT_EVENT_TYPES, PURCHASE_EVENT } from "./utils/event-types"
import { DEFAULT_TIME_ZONE, hasWholeHourOffsets, isTimeZone } from "./utils/time-zone"

export const PLUGIN_NAME = "@aistore/medusa-click-tracking"

export const ClickTrackingOptionsSchema = z
  .object({
    /** Event types the merchant allows beyond the built-in ones; never one of theirs (no shadowing `purchase`). */
    customTypes: z
      .array(
        z
          .string()
          .regex(/^[a-z][a-z0-9_]{0,63}$/, "a custom type is lower-case letters, digits and _, starting with a letter")
          .refine((type) => type !== PURCHASE_EVENT && !(CLIENT_EVENT_TYPES as readonly string[]).includes(type), {
            message: "a custom type must not be a built-in one",
          })
      )
      .optional(),
    /** The store's time zone: statistics count days from its midnight (IANA name). */
    timeZone: z
      .string()
      .refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Moscow" })
      .refine((zone) => !isTimeZone(zone) || hasWholeHourOffsets(zone), {
        message: "must be a whole number of hours from UTC (statistics are kept by the hour)",
      })
      .default(DEFAULT_TIME_ZONE),
    /** Events older than this many days are deleted by the retention job. */
    retentionDays: z.number().int().positive().default(365),
    /**
     * Events one client (a customer, else an address) may send per window; `false` turns the limit
     * off. A window must admit at least one full batch.
     */
    rateLimit: z
      .union([
        z.literal(false),
        z
          .object({
            events: z.number().int().min(MAX_EVENTS_PER_BATCH),
            windowSeconds: z.number().int().positive().max(86_400),
          })
          .strict(),
      ])
      .default({ events: 1000, windowSeconds: 60 }),
    /**
     * Reverse proxies in front of the server whose X-Forwarded-For entries are believed
     * (0: the socket's own address). Anonymous shoppers are told apart by that address.
     */
    trustedProxyHops: z.number().int().min(0).max(10).default(0),
  })
  .strict()

export type ClickTrackingOptions = z.infer<typeof ClickTrackingOptionsSchema>

/** One wrong option: its path (`rateLimit.events`) and what is wrong with it. */
export type ClickTrackingOptionProblem = { option: string; message: string }

/**
 * Checks the options without throwing, for a caller that reports in its own terms (an app naming
 * the environment variable each option came from). Medusa hands a plugin's options to its modules
 * and adds its own `database` entry to that same object: it is not the plugin's to check.
 */
export function checkClickTrackingOptions(
  raw: Record<string, unknown> | undefined
): { options: ClickTrackingOptions; problems: [] } | { options?: undefined; problems: ClickTrackingOptionProblem[] } {
  const { database: _addedByMedusa, ...options } = raw ?? {}
  const parsed = ClickTrackingOptionsSchema.safeParse(options)
  if (parsed.success) {
    return { options: parsed.data, problems: [] }
  }
  return {
    problems: parsed.error.issues.map((issue) => ({
      option: issue.path.join(".") || "options",
      message: issue.message,
    })),
  }
}

/** Parses the plugin's options; a mistake names the option. */
export function parseClickTrackingOptions(raw: Record<string, unknown> | undefined): ClickTrackingOptions {
  const { options, problems } = checkClickTrackingOptions(raw)
  if (options) {
    return options
  }
  const described = problems.map(({ option, message }) => `${option} ${message}`)
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid options for ${PLUGIN_NAME}: ${described.join("; ")}`)
}

const parsedByConfig = new WeakMap<object, ClickTrackingOptions>()

/** The plugin's options as the app configured them (checked at start by the module's loader). */
export function clickTrackingOptions(container: MedusaContainer): ClickTrackingOptions {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  let options = parsedByConfig.get(config)
  if (!options) {
    const plugin = config.plugins.find((entry) => (typeof entry === "string" ? entry : entry.resolve) === PLUGIN_NAME)
    options = parseClickTrackingOptions(typeof plugin === "object" ? plugin.options : undefined)
    parsedByConfig.set(config, options)
  }
  return options
}
