import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { YookassaAmount } from "../client/types"

/** Yookassa takes amounts as exact decimal strings in major units with two decimals: "1500.00". */
export function toYookassaValue(amount: BigNumberInput): string {
  const value = new BigNumber(MathBN.convert(amount)).bigNumber
  if (!value || value.isNaN() || !value.isFinite()) {
    throw new Error(`Not an amount: ${String(amount)}`)
  }
  if (!value.decimalPlaces(2).isEqualTo(value)) {
    throw new Error(`Amount ${value.toFixed()} has more than two decimals`)
  }
  return value.toFixed(2)
}

export function toYookassaAmount(amount: BigNumberInput, currencyCode: string): YookassaAmount {
  return { value: toYookassaValue(amount), currency: currencyCode.toUpperCase() }
}

export function isZero(amount: BigNumberInput): boolean {
  return MathBN.eq(MathBN.convert(amount), 0)
}
