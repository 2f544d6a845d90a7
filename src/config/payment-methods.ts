import type { EnvReader } from "./env-reader"

export type PaymentMethod = "yookassa" | "stars"
export const PAYMENT_METHODS: readonly PaymentMethod[] = ["yookassa", "stars"]
/** Medusa's provider id of each payment method. */
export const PAYMENT_PROVIDER_IDS: Record<PaymentMethod, string> = {
  yookassa: "pp_yookassa_yookassa",
  stars: "pp_telegram-stars_telegram-stars",
}

/** The payment methods the region offers, in the Mini App's order (PAYMENT_METHODS). */
export function readPaymentMethods({ value, problems }: EnvReader): PaymentMethod[] {
  const listed = (value("PAYMENT_METHODS") ?? PAYMENT_METHODS.join(","))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
  const methods = [...new Set(listed)].filter((entry): entry is PaymentMethod => {
    if (PAYMENT_METHODS.includes(entry as PaymentMethod)) {
      return true
    }
    problems.push(`PAYMENT_METHODS must list some of ${PAYMENT_METHODS.join(", ")}, got "${entry}"`)
    return false
  })
  if (!listed.length) {
    problems.push(`PAYMENT_METHODS must list at least one of ${PAYMENT_METHODS.join(", ")}`)
  }
  return methods
}
