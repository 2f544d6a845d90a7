import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { YookassaAmount } from "../client/types"

/**
 * Yookassa takes amounts in kopecks: decimal strings with two decimals ("1500.00"). Medusa's
 * amounts keep full precision: a 7.77 % promotion on 40 970 ₽ leaves 37 786.631 ₽.
 *
 * Medusa's payment module compares amounts after `roundToCurrencyPrecision`
 * (@medusajs/payment, services/payment-module.js): the currency's digits from
 * `Intl.NumberFormat` (2 for RUB and every currency Yookassa takes), then
 * `MathBN.convert(amount, 2)`, i.e. bignumber.js `decimalPlaces(2)` with its default
 * ROUND_HALF_UP (half away from zero). It decides with that whether a capture is complete
 * and whether a collection is authorized or paid. Rounding the same way here makes what
 * Yookassa takes equal what Medusa expects for the collection.
 */
export const GATEWAY_DECIMALS = 2

/** An amount in major units, rounded to kopecks exactly as Medusa's payment module rounds it. */
export function roundToKopecks(amount: BigNumberInput) {
  const value = MathBN.convert(amount)
  if (value.isNaN() || !value.isFinite() || value.isNegative()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Not an amount Yookassa can take: ${String(amountText(amount))}`
    )
  }
  return MathBN.convert(value, GATEWAY_DECIMALS)
}

/** The Yookassa value of a Medusa amount: rounded to kopecks, two decimals ("37786.63"). */
export function toYookassaValue(amount: BigNumberInput): string {
  return roundToKopecks(amount).toFixed(GATEWAY_DECIMALS)
}

export function toYookassaAmount(amount: BigNumberInput, currencyCode: string): YookassaAmount {
  return { value: toYookassaValue(amount), currency: currencyCode.toUpperCase() }
}

/** True when the amount is nothing at Yookassa: 0.004 ₽ rounds to 0.00 and cannot be paid or refunded. */
export function isZero(amount: BigNumberInput): boolean {
  return roundToKopecks(amount).isZero()
}

/** Whole kopecks of an amount, after rounding it as Medusa does (exact: bigint, never floats). */
export function toMinor(amount: BigNumberInput): bigint {
  return BigInt(roundToKopecks(amount).shiftedBy(GATEWAY_DECIMALS).toFixed(0))
}

export function fromMinor(minor: bigint): string {
  const sign = minor < 0n ? "-" : ""
  const absolute = minor < 0n ? -minor : minor
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, "0")}`
}

function amountText(amount: BigNumberInput): string {
  const value = (amount as { value?: unknown } | null)?.value
  return value === undefined ? String(amount) : String(value)
}
