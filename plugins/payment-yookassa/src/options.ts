import { z } from "@medusajs/framework/zod"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import proxyaddr from "proxy-addr"

export const PLUGIN_NAME = "@aistore/medusa-payment-yookassa"
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

const optionsSchema = z
  .object({
    shopId: z.string().trim().min(1, "is required (YOOKASSA_SHOP_ID)"),
    secretKey: z.string().trim().min(1, "is required (YOOKASSA_SECRET_KEY)"),
    apiUrl: z.string().url().default(YOOKASSA_API_URL),
    /** one-stage: Yookassa captures at once; two-stage: the payment waits for capture from Medusa's admin. */
    captureMode: z.enum(["one-stage", "two-stage"]).default("one-stage"),
    confirmationType: z.enum(["redirect", "embedded"]).default("redirect"),
    /** Where Yookassa sends the shopper after paying (with `startapp=order_<cart id>` added); never taken from the client. */
    returnUrl: z.string().url(),
    receipts: z
      .object({
        enabled: z.boolean().default(true),
        vatCode: z.number().int().min(1).max(12).default(1),
        taxSystemCode: z.number().int().min(1).max(6).optional(),
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
        trustedProxyHops: z.number().int().min(0).max(10).default(0),
        /** Loopback senders (the local sandbox): honoured only while `apiUrl` is on loopback too. */
        allowLoopback: z.boolean().default(false),
        /** Wait before processing: a head start for the shopper's own cart completion (locks keep either order correct). */
        delayMs: z.number().int().min(0).max(60_000).default(250),
        attempts: z.number().int().min(1).max(20).default(5),
      })
      .prefault({}),
    reconciliation: z
      .object({
        /** Sessions still pending after this many minutes are checked against the API. */
        pendingAfterMinutes: z.number().int().min(1).default(5),
        /** How far back the job looks for paid payments of deleted sessions. */
        lookbackHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 8)
          .default(48),
        /** A run stops taking new payments after this long; the rest waits for the next run. */
        timeBudgetMs: z.number().int().min(1_000).max(55_000).default(40_000),
        /** Each Yookassa call of the job: short, and not retried (the next run is the retry). */
        callTimeoutMs: z.number().int().min(100).max(30_000).default(5_000),
      })
      .prefault({}),
    timeoutMs: z.number().int().min(100).default(15_000),
    maxAttempts: z.number().int().min(1).max(10).default(4),
  })
  .strict()

export type YookassaOptionsInput = z.input<typeof optionsSchema>
export type YookassaOptions = z.output<typeof optionsSchema>

/** Validates the options; the error names every option that is wrong. */
export function parseYookassaOptions(raw: unknown): YookassaOptions {
  const parsed = optionsSchema.safeParse(withoutMedusaKeys(raw ?? {}))
  if (parsed.success) {
    return parsed.data
  }
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "options"} ${issue.message}`)
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid options for ${PLUGIN_NAME}: ${problems.join("; ")}`)
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
