import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { fromMinor, toMinor, toYookassaValue } from "./amount"

/**
 * Splits `target` kopecks over lines in proportion to their exact totals, so the parts add up
 * to `target` exactly (54-FZ: receipt items must sum to the payment to the kopeck):
 * - each line first gets the whole kopecks of its share, computed exactly (bigint, no floats);
 * - the kopecks left go one at a time to the lines with the largest dropped fractions, ties to
 *   the earlier line, so the same cart always gives the same receipt;
 * - no part is negative, and none is more than a kopeck away from its exact share.
 *
 * When the lines add up to the target (Medusa's line totals with up to 3–4 decimals, whose sum
 * was rounded), each part is its line rounded down or up. When they add up to more (a discount
 * the lines do not carry, such as credit lines), the discount is spread in proportion. Lines
 * that add up to less than the target cannot be listed without inventing money: refused.
 *
 * @throws MedusaError INVALID_DATA (a 400 for the shopper) naming the problem.
 */
export function allocateKopecks(totals: BigNumberInput[], target: bigint): bigint[] {
  const exact = totals.map((total, index) => lineTotal(total, index))
  const scale = Math.max(0, ...exact.map((value) => value.decimalPlaces() ?? 0))
  const units = exact.map((value) => BigInt(value.shiftedBy(scale).toFixed(0)))
  const sum = exact.reduce((total, value) => total.plus(value), MathBN.convert(0))
  if (target < 0n) {
    throw invalid(`A payment of ${fromMinor(target)} cannot be listed on a receipt`)
  }
  if (toMinor(sum) < target) {
    throw invalid(
      `The receipt cannot match the payment: its lines add up to ${toYookassaValue(sum)} ` +
        `but the payment is ${fromMinor(target)}; refresh the cart and try again`
    )
  }
  // Here the lines add up to more than nothing, or the target is 0: no division by zero.
  return target === 0n ? units.map(() => 0n) : apportion(units, target)
}

/** Largest-remainder apportionment of `target` kopecks over `units` (all ≥ 0, some > 0). */
function apportion(units: bigint[], target: bigint): bigint[] {
  const sum = units.reduce((total, value) => total + value, 0n)
  const parts = units.map((value) => (target * value) / sum)
  let left = target - parts.reduce((total, value) => total + value, 0n)
  const byDroppedFraction = units
    .map((value, index) => ({ index, dropped: (target * value) % sum }))
    .sort((a, b) => (a.dropped === b.dropped ? a.index - b.index : a.dropped > b.dropped ? -1 : 1))
  // Fewer kopecks are left than there are lines (each line dropped less than one).
  for (const { index } of byDroppedFraction) {
    if (left === 0n) {
      break
    }
    parts[index] += 1n
    left -= 1n
  }
  return parts
}

function lineTotal(total: BigNumberInput, index: number) {
  const value = MathBN.convert(total)
  if (value.isNaN() || !value.isFinite()) {
    throw invalid(`Receipt line ${index + 1} has no total`)
  }
  if (value.isNegative()) {
    throw invalid(`Receipt line ${index + 1} has a negative total (${value.toFixed()}): a receipt cannot list it`)
  }
  return value
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}
