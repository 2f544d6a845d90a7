import type { EnvReader } from "./env-reader"

export const YOOKASSA_API_URL = "https://api.yookassa.ru/v3"
/** Yookassa's checkout widget (the embedded confirmation), as its documentation loads it. */
export const YOOKASSA_WIDGET_URL = "https://yookassa.ru/checkout-widget/v1/checkout-widget.js"
/** Local mode's Yookassa sandbox credentials (`npm start` runs the sandbox when no shop id is set). */
export const SANDBOX_SHOP_ID = "100500"
export const SANDBOX_SECRET_KEY = "test_local-sandbox-secret-key"

export interface YookassaEnvironment {
  shopId: string
  secretKey: string
  apiUrl: string
  returnUrl: string
  captureMode: "one-stage" | "two-stage"
  confirmationType: "redirect" | "embedded"
  /** The embedded confirmation's widget script: Yookassa's own, or in development the sandbox's stand-in. */
  widgetUrl: string
  receipts: { enabled: boolean; vatCode: number; taxSystemCode?: number; paymentSubject: string; paymentMode: string }
  /** Extra webhook sender ranges, on top of Yookassa's published ones. */
  trustedIps: string[]
  /** Webhooks from loopback only from the local sandbox: outside production, with a loopback API URL. */
  allowLoopback: boolean
  webhookDelayMs: number
}

/** The shop's credentials and the plugin's settings; the return URL defaults to the Mini App's. */
export function readYookassa(reader: EnvReader, miniAppUrl: string): YookassaEnvironment {
  const { value, required, url, problems, isProduction } = reader
  const integer = (name: string, fallback: number | undefined, min: number, max: number): number | undefined => {
    const raw = value(name)
    if (raw === undefined) {
      return fallback
    }
    const parsed = Number(raw)
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
      return fallback
    }
    return parsed
  }
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = value(name) ?? fallback
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(", ")}, got "${raw}"`)
      return fallback
    }
    return raw as T
  }
  const receiptsRaw = value("YOOKASSA_RECEIPTS") ?? "true"
  if (!["true", "false"].includes(receiptsRaw)) {
    problems.push(`YOOKASSA_RECEIPTS must be true or false, got "${receiptsRaw}"`)
  }
  const trustedIps = reader.addressList("YOOKASSA_TRUSTED_IPS")
  const apiUrl = url("YOOKASSA_API_URL", value("YOOKASSA_API_URL") ?? YOOKASSA_API_URL, ["http:", "https:"]).replace(
    /\/+$/,
    ""
  )
  const widgetUrl = url("YOOKASSA_WIDGET_URL", value("YOOKASSA_WIDGET_URL") ?? YOOKASSA_WIDGET_URL, ["http:", "https:"])
  // Shoppers' browsers run this script with the payment form in it: only Yookassa's own in production.
  if (isProduction && widgetUrl !== YOOKASSA_WIDGET_URL) {
    problems.push(
      `YOOKASSA_WIDGET_URL is for development (the Yookassa sandbox's stand-in widget); production uses ${YOOKASSA_WIDGET_URL}`
    )
  }
  return {
    shopId: required("YOOKASSA_SHOP_ID", SANDBOX_SHOP_ID, "your shop id from Yookassa's dashboard"),
    secretKey: required("YOOKASSA_SECRET_KEY", SANDBOX_SECRET_KEY, "your secret key from Yookassa's dashboard"),
    apiUrl,
    returnUrl: url("YOOKASSA_RETURN_URL", value("YOOKASSA_RETURN_URL") ?? miniAppUrl, ["http:", "https:"]),
    captureMode: oneOf("YOOKASSA_CAPTURE_MODE", ["one-stage", "two-stage"] as const, "one-stage"),
    confirmationType: oneOf("YOOKASSA_CONFIRMATION_TYPE", ["redirect", "embedded"] as const, "redirect"),
    widgetUrl,
    receipts: {
      enabled: receiptsRaw !== "false",
      vatCode: integer("YOOKASSA_VAT_CODE", 1, 1, 12)!,
      taxSystemCode: integer("YOOKASSA_TAX_SYSTEM_CODE", undefined, 1, 6),
      paymentSubject: value("YOOKASSA_PAYMENT_SUBJECT") ?? "service",
      paymentMode: value("YOOKASSA_PAYMENT_MODE") ?? "full_payment",
    },
    trustedIps,
    allowLoopback: !isProduction && isLoopbackUrl(apiUrl),
    webhookDelayMs: integer("YOOKASSA_WEBHOOK_DELAY_MS", 250, 0, 60_000)!,
  }
}

/** The local sandbox listens on loopback; a real Yookassa never does. */
function isLoopbackUrl(raw: string): boolean {
  try {
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, "")
    return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host)
  } catch {
    return false
  }
}
