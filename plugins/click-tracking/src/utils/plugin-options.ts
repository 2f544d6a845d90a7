import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { MAX_EVENTS_PER_BATCH } from "../api/store/clicks/validators"

export const PLUGIN_NAME = "@aistore/medusa-click-tracking"

export const ClickTrackingOptionsSchema = z
  .object({
    /** Event types the merchant allows beyond the built-in ones. */
    customTypes: z.array(z.string().min(1).max(64)).optional(),
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

/**
 * Parses the plugin's options; a mistake names the option. Medusa hands a plugin's options to its
 * modules and adds its own `database` entry to that same object: it is not the plugin's to check.
 */
export function parseClickTrackingOptions(raw: Record<string, unknown> | undefined): ClickTrackingOptions {
  const { database: _addedByMedusa, ...options } = raw ?? {}
  const parsed = ClickTrackingOptionsSchema.safeParse(options)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`)
    throw new Error(`${PLUGIN_NAME}: invalid options: ${problems.join("; ")}`)
  }
  return parsed.data
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
