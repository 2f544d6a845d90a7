import type { Amount } from "./types"

/** The sandbox serves RUB only, the currency AI Store sells in. */
export const CURRENCY = "RUB"

// Yookassa amounts are decimal strings with a dot and at most two decimals ("1500.00").
const AMOUNT_VALUE = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/
// Receipt quantities: an integer or a fraction with at most three decimals.
const QUANTITY = /^(0|[1-9]\d{0,8})(\.\d{1,3})?$/

/** Kopecks from a decimal string, or undefined when it is not one. Integers avoid float error. */
export function parseKopecks(value: unknown): number | undefined {
  if (typeof value !== "string" || !AMOUNT_VALUE.test(value)) {
    return undefined
  }
  const [rubles, fraction = ""] = value.split(".")
  return Number(rubles) * 100 + Number(fraction.padEnd(2, "0"))
}

/** Thousandths of a unit from a number or decimal string, or undefined. */
export function parseQuantityMilli(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : value
  if (typeof text !== "string" || !QUANTITY.test(text)) {
    return undefined
  }
  const [whole, fraction = ""] = text.split(".")
  return Number(whole) * 1000 + Number(fraction.padEnd(3, "0"))
}

export function formatKopecks(kopecks: number): string {
  return `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, "0")}`
}

export function rub(kopecks: number): Amount {
  return { value: formatKopecks(kopecks), currency: CURRENCY }
}
