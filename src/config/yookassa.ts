import {
  checkYookassaOptions,
  SANDBOX_SHOP_ID,
  YOOKASSA_API_URL,
  type YookassaOptions,
} from "@aistore/medusa-payment-yookassa/options"
import type { EnvReader } from "./env-reader"
import { asBoolean, asNumber, reportOptionProblems } from "./option-problems"

export { SANDBOX_SHOP_ID, YOOKASSA_API_URL }
/** Yookassa's checkout widget (the embedded confirmation), as its documentation loads it. */
export const YOOKASSA_WIDGET_URL = "https://yookassa.ru/checkout-widget/v1/checkout-widget.js"
/** Local mode's Yookassa sandbox secret (`npm start` runs the sandbox when no shop id is set). */
export const SANDBOX_SECRET_KEY = "test_local-sandbox-secret-key"

export interface YookassaEnvironment {
  /** The plugin's options, checked by the plugin itself: its provider gets the same ones. */
  options: YookassaOptions
  /** The embedded confirmation's widget script: Yookassa's own, or in development the sandbox's stand-in. */
  widgetUrl: string
}

/** The variable each option comes from, to name it when the plugin refuses a value. */
const VARIABLE_OF_OPTION: Record<string, string> = {
  shopId: "YOOKASSA_SHOP_ID",
  secretKey: "YOOKASSA_SECRET_KEY",
  apiUrl: "YOOKASSA_API_URL",
  returnUrl: "YOOKASSA_RETURN_URL",
  captureMode: "YOOKASSA_CAPTURE_MODE",
  confirmationType: "YOOKASSA_CONFIRMATION_TYPE",
  "receipts.enabled": "YOOKASSA_RECEIPTS",
  "receipts.vatCode": "YOOKASSA_VAT_CODE",
  "receipts.taxSystemCode": "YOOKASSA_TAX_SYSTEM_CODE",
  "receipts.paymentSubject": "YOOKASSA_PAYMENT_SUBJECT",
  "receipts.paymentMode": "YOOKASSA_PAYMENT_MODE",
  "webhook.trustedIps": "YOOKASSA_TRUSTED_IPS",
  "webhook.delayMs": "YOOKASSA_WEBHOOK_DELAY_MS",
  "webhook.trustedProxies": "TRUSTED_PROXIES",
  "webhook.trustedProxyHops": "TRUSTED_PROXY_HOPS",
}

/** What the Yookassa options take from the server's own settings. */
export interface YookassaContext {
  miniAppUrl: string
  trustedProxies: string[]
  trustedProxyHops: number
}

/**
 * Maps the environment onto the plugin's options and lets the plugin's schema judge them; each
 * problem names the variable it came from. Only deployment rules are checked here. Null when a
 * value is wrong: the problems are in `reader.problems`.
 */
export function readYookassa(reader: EnvReader, context: YookassaContext): YookassaEnvironment | null {
  const { options, problems } = checkYookassaOptions(yookassaOptionsFromEnv(reader, context))
  reportOptionProblems(reader, problems, VARIABLE_OF_OPTION, { plugin: "Yookassa", secrets: ["YOOKASSA_SECRET_KEY"] })
  const widgetUrl = readWidgetUrl(reader)
  return options ? { options, widgetUrl } : null
}

/** The plugin's raw options, as strings from the environment become booleans, numbers and lists. */
function yookassaOptionsFromEnv(reader: EnvReader, context: YookassaContext): Record<string, unknown> {
  const { value, required, isProduction } = reader
  const apiUrl = (value("YOOKASSA_API_URL") ?? YOOKASSA_API_URL).replace(/\/+$/, "")
  return {
    shopId: required("YOOKASSA_SHOP_ID", SANDBOX_SHOP_ID, "your shop id from Yookassa's dashboard"),
    secretKey: required("YOOKASSA_SECRET_KEY", SANDBOX_SECRET_KEY, "your secret key from Yookassa's dashboard"),
    apiUrl,
    returnUrl: value("YOOKASSA_RETURN_URL") ?? context.miniAppUrl,
    captureMode: value("YOOKASSA_CAPTURE_MODE"),
    confirmationType: value("YOOKASSA_CONFIRMATION_TYPE"),
    receipts: {
      enabled: asBoolean(value("YOOKASSA_RECEIPTS")),
      vatCode: asNumber(value("YOOKASSA_VAT_CODE")),
      taxSystemCode: asNumber(value("YOOKASSA_TAX_SYSTEM_CODE")),
      paymentSubject: value("YOOKASSA_PAYMENT_SUBJECT"),
      paymentMode: value("YOOKASSA_PAYMENT_MODE"),
    },
    webhook: {
      trustedIps: list(value("YOOKASSA_TRUSTED_IPS")),
      trustedProxies: context.trustedProxies,
      trustedProxyHops: context.trustedProxyHops,
      // Loopback senders only from the local sandbox: outside production, with a loopback API URL.
      allowLoopback: !isProduction && isLoopbackUrl(apiUrl),
      delayMs: asNumber(value("YOOKASSA_WEBHOOK_DELAY_MS")),
    },
  }
}

function readWidgetUrl(reader: EnvReader): string {
  const widgetUrl = reader.url("YOOKASSA_WIDGET_URL", reader.value("YOOKASSA_WIDGET_URL") ?? YOOKASSA_WIDGET_URL, [
    "http:",
    "https:",
  ])
  // Shoppers' browsers run this script with the payment form in it: only Yookassa's own in production.
  if (reader.isProduction && widgetUrl !== YOOKASSA_WIDGET_URL) {
    reader.problems.push(
      `YOOKASSA_WIDGET_URL is for development (the Yookassa sandbox's stand-in widget); production uses ${YOOKASSA_WIDGET_URL}`
    )
  }
  return widgetUrl
}

function list(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
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
