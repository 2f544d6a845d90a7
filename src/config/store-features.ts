import { checkClickTrackingOptions } from "@aistore/medusa-click-tracking/options"
import type { EnvReader } from "./env-reader"
import { reportOptionProblems } from "./option-problems"

export interface StoreFeatures {
  /** The store's time zone for click statistics (days start at its midnight). */
  clicksTimeZone: string
  /** /store's publishable-key check from the store cache (STORE_KEY_CACHE=off keeps Medusa's own lookup). */
  publishableKeyCache: boolean
  /** How many payment sessions (each a Yookassa payment or a Telegram invoice) one shopper may start. */
  paymentSessionLimit: PaymentSessionLimit
}

export interface PaymentSessionLimit {
  /** Per signed-in customer per window; 0 turns this limit off. */
  perCustomer: number
  /** Per client address per window (a mobile carrier puts many shoppers behind one); 0: off. */
  perAddress: number
  windowSeconds: number
}

/** Click statistics' time zone and the store cache's key check. */
export function readStoreFeatures(reader: EnvReader): StoreFeatures {
  const { value, problems } = reader
  const clicksTimeZone = value("CLICKS_TIME_ZONE") ?? "Europe/Moscow"
  // The click-tracking plugin judges its own time zone.
  const { problems: clickProblems } = checkClickTrackingOptions({ timeZone: clicksTimeZone })
  reportOptionProblems(reader, clickProblems, { timeZone: "CLICKS_TIME_ZONE" }, { plugin: "Click tracking" })
  const keyCache = value("STORE_KEY_CACHE") ?? "on"
  if (keyCache !== "on" && keyCache !== "off") {
    problems.push(`STORE_KEY_CACHE must be "on" or "off", got "${keyCache}"`)
  }
  return {
    clicksTimeZone,
    publishableKeyCache: keyCache !== "off",
    paymentSessionLimit: readPaymentSessionLimit(reader),
  }
}

/** Generous for a shopper who switches methods or retries; a flood runs out within minutes. */
function readPaymentSessionLimit({ value, problems }: EnvReader): PaymentSessionLimit {
  const count = (name: string, fallback: number, min: number) => {
    const raw = value(name) ?? String(fallback)
    const parsed = Number(raw)
    if (!Number.isInteger(parsed) || parsed < min || parsed > 1_000_000) {
      problems.push(`${name} must be a whole number from ${min} to 1000000, got "${raw}"`)
      return fallback
    }
    return parsed
  }
  return {
    perCustomer: count("PAYMENT_SESSIONS_PER_CUSTOMER", 20, 0),
    perAddress: count("PAYMENT_SESSIONS_PER_ADDRESS", 120, 0),
    windowSeconds: count("PAYMENT_SESSIONS_WINDOW_SECONDS", 600, 1),
  }
}
