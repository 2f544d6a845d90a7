import { z } from "@medusajs/framework/zod"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import proxyaddr from "proxy-addr"

export const PLUGIN_NAME = "@aistore/medusa-payment-yookassa"
/** The shop id the plugin's sandbox plays: an app's local-mode default. */
export { SANDBOX_SHOP_ID } from "./sandbox/credentials"
/** Medusa's id of the provider registered as `{ id: "yookassa" }`: `pp_<identifier>_<id>`. */
export const PROVIDER_ID = "pp_yookassa_yookassa"
export const WEBHOOK_PROVIDER = "yookassa_yookassa"
export const YOOKASSA_API_URL = "https://api.yookassa.ru/v3"
/**
 * Emitted for every accepted notification, instead of Medusa's `payment.webhook_received`:
 * its subscriber runs Medusa's payment flow and then settles the payment, in that order.
 */
export const NOTIFICATION_EVENT = "yookassa.notification_received"

/** Yookassa's published notification senders (yookassa.ru/developers/using-api/webhooks). */
export const YOOKASSA_NOTIFICATION_RANGES = [
  "185.71.76.0/27",
  "185.71.77.0/27",
  "77.75.153.0/25",
  "77.75.154.128/25",
  "77.75.156.11/32",
  "77.75.156.35/32",
  "2a02:5180::/32",
]

const cidr = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, "must be an IPv4 or IPv6 address or CIDR range")

function compiles(ranges: string[]): boolean {
  try {
    proxyaddr.compile(ranges)
    return true
  } catch {
    return false
  }
}

/** A whole number from `min` to `max`, and an error that says so. */
const wholeNumber = (min: number, max?: number) => {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`
  const error = `must be a whole number ${range}`
  const atLeast = z.number({ error }).int({ error }).min(min, { error })
  return max === undefined ? atLeast : atLeast.max(max, { error })
}

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http: or https: URL" })

const optionsSchema = z
  .object({
    shopId: z.string({ error: "is required" }).trim().min(1, "is required"),
    secretKey: z.string({ error: "is required" }).trim().min(1, "is required"),
    apiUrl: httpUrl.default(YOOKASSA_API_URL),
    /** one-stage: Yookassa captures at once; two-stage: the payment waits for capture from Medusa's admin. */
    captureMode: z
      .enum(["one-stage", "two-stage"], { error: "must be one of one-stage, two-stage" })
      .default("one-stage"),
    confirmationType: z
      .enum(["redirect", "embedded"], { error: "must be one of redirect, embedded" })
      .default("redirect"),
    /** Where Yookassa sends the shopper after paying (with `startapp=order_<cart id>` added); never taken from the client. */
    returnUrl: httpUrl,
    receipts: z
      .object({
        enabled: z.boolean({ error: "must be true or false" }).default(true),
        vatCode: wholeNumber(1, 12).default(1),
        taxSystemCode: wholeNumber(1, 6).optional(),
        paymentSubject: z.string().min(1).default("service"),
        paymentMode: z.string().min(1).default("full_payment"),
      })
      .prefault({}),
    webhook: z
      .object({
        /** Extra sender ranges on top of Yookassa's published ones. */
        trustedIps: z.array(cidr).default([]),
        /** Reverse proxies in front of the server (addresses or ranges): only they are believed about X-Forwarded-For. */
        trustedProxies: z
          .array(cidr)
          .default([])
          .refine(compiles, "must be IP addresses or CIDR ranges with a valid prefix"),
        /** At most this many trusted proxies in a row (0: no cap); alone, that many on loopback or private networks. */
        trustedProxyHops: wholeNumber(0, 10).default(0),
        /** Loopback senders (the local sandbox): honoured only while `apiUrl` is on loopback too. */
        allowLoopback: z.boolean().default(false),
        /** Wait before processing: a head start for the shopper's own cart completion (locks keep either order correct). */
        delayMs: wholeNumber(0, 60_000).default(250),
        attempts: wholeNumber(1, 20).default(5),
      })
      .prefault({}),
    reconciliation: z
      .object({
        /** Sessions still pending after this many minutes are checked against the API. */
        pendingAfterMinutes: wholeNumber(1).default(5),
        /** How far back the job looks for paid payments of deleted sessions. */
        lookbackHours: wholeNumber(1, 24 * 8).default(48),
        /** A run stops taking new payments after this long; the rest waits for the next run. */
        timeBudgetMs: wholeNumber(1_000, 55_000).default(40_000),
        /** Each Yookassa call of the job: short, and not retried (the next run is the retry). */
        callTimeoutMs: wholeNumber(100, 30_000).default(5_000),
      })
      .prefault({}),
    timeoutMs: wholeNumber(100).default(15_000),
    maxAttempts: wholeNumber(1, 10).default(4),
  })
  .strict()

export type YookassaOptionsInput = z.input<typeof optionsSchema>
export type YookassaOptions = z.output<typeof optionsSchema>

/** One wrong option: its path (`receipts.vatCode`, `webhook.trustedIps.0`) and what is wrong with it. */
export type YookassaOptionProblem = { option: string; message: string }

/**
 * Checks the options without throwing, for a caller that reports in its own terms (an app
 * mapping each option back to the environment variable it came from).
 */
export function checkYookassaOptions(
  raw: unknown
): { options: YookassaOptions; problems: [] } | { options?: undefined; problems: YookassaOptionProblem[] } {
  const parsed = optionsSchema.safeParse(withoutMedusaKeys(raw ?? {}))
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

/** Validates the options; the error names every option that is wrong (never a value). */
export function parseYookassaOptions(raw: unknown): YookassaOptions {
  const { options, problems } = checkYookassaOptions(raw)
  if (options) {
    return options
  }
  const described = problems.map(({ option, message }) => `${option} ${message}`)
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid options for ${PLUGIN_NAME}: ${described.join("; ")}`)
}

/**
 * The plugin's options are also its module's options, and Medusa writes the module's
 * `database` settings into that same object at start: not ours to validate.
 */
function withoutMedusaKeys(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return raw
  }
  const { database: _database, ...options } = raw as Record<string, unknown>
  return options
}

/** The raw options the app gave the plugin (`plugins: [{ resolve, options }]`), unvalidated. */
export function rawPluginOptions(container: MedusaContainer): unknown {
  const { plugins } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugin = plugins.find((entry) => (typeof entry === "string" ? entry : entry.resolve) === PLUGIN_NAME)
  return typeof plugin === "object" ? plugin.options : undefined
}
