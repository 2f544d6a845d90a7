import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

export const PLUGIN_NAME = "@aistore/medusa-course-access"
export const TELEGRAM_API_ROOT = "https://api.telegram.org"

const optionsSchema = z
  .object({
    /** The store bot's token: it makes join links, answers join requests and removes members. */
    botToken: z
      .string()
      .trim()
      .regex(/^\d+:[\w-]+$/, "must look like <bot id>:<secret>, as @BotFather gives it"),
    /** Bot API base URL: Telegram's, a local Bot API server, or a test double. */
    apiRoot: z
      .string()
      .url("must be an http(s) URL")
      .refine((url) => /^https?:\/\//i.test(url), "must be an http(s) URL")
      .default(TELEGRAM_API_ROOT),
    /** One Bot API call's time limit; a call without an answer is tried again by the delivery job. */
    requestTimeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  })
  .strict()

export type CourseAccessOptionsInput = z.input<typeof optionsSchema>
export type CourseAccessOptions = z.output<typeof optionsSchema>

/**
 * Validates the plugin's options; the error names every option that is wrong (never the
 * token's value). Medusa hands a plugin's options to its modules and adds its own `database`
 * entry to that same object: not the plugin's to check.
 */
export function parseCourseAccessOptions(raw: unknown): CourseAccessOptions {
  const { database: _addedByMedusa, ...options } = isRecord(raw) ? raw : {}
  const parsed = optionsSchema.safeParse(options)
  if (parsed.success) {
    return parsed.data
  }
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "options"} ${issue.message}`)
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid options for ${PLUGIN_NAME}: ${problems.join("; ")}`)
}

/** The raw options the app gave the plugin (`plugins: [{ resolve, options }]`), unvalidated. */
export function rawPluginOptions(container: MedusaContainer): unknown {
  const { plugins } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugin = plugins.find((entry) => (typeof entry === "string" ? entry : entry.resolve) === PLUGIN_NAME)
  return typeof plugin === "object" ? plugin.options : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}
