import type { BigNumberInput } from "@medusajs/framework/types"
import type { YookassaReceipt, YookassaReceiptItem } from "../client/types"
import { allocateKopecks } from "./allocate-kopecks"
import { fromMinor, toMinor } from "./amount"

/** Past this many partial sums the exact search gives up (receipts of a few courses never get near). */
const MAX_PARTIAL_SUMS = 10_000

/**
 * The refund receipt for `amount`: the lines actually refunded. When whole units of the
 * original items add up to the amount exactly (the one course refunded, say), those are
 * listed, preferring the fewest units; only when no such choice exists is the amount
 * split over every item in proportion to its sum.
 */
export function refundReceipt(original: YookassaReceipt, amount: BigNumberInput): YookassaReceipt {
  const target = toMinor(amount)
  const counts = exactUnits(original.items, target)
  return {
    ...original,
    items: counts ? chosenItems(original.items, counts) : proportionalItems(original.items, target),
  }
}

const unitsOf = (item: YookassaReceiptItem): number => Math.round(Number(item.quantity))
const unitPrice = (item: YookassaReceiptItem): bigint => toMinor(item.amount.value)
const unitCount = (counts: number[]): number => counts.reduce((sum, count) => sum + count, 0)

/** How many units of each item make up `target` exactly (fewest units first), if any choice does. */
function exactUnits(items: YookassaReceiptItem[], target: bigint): number[] | undefined {
  let reachable = new Map<bigint, number[]>([[0n, []]])
  for (const item of items) {
    const price = unitPrice(item)
    const next = new Map<bigint, number[]>()
    for (const [sum, counts] of reachable) {
      for (let count = 0; count <= unitsOf(item); count++) {
        const reached = sum + BigInt(count) * price
        if (reached > target) {
          break
        }
        const choice = [...counts, count]
        const known = next.get(reached)
        if (!known || unitCount(choice) < unitCount(known)) {
          next.set(reached, choice)
        }
        if (price <= 0n) {
          break
        }
      }
    }
    if (next.size > MAX_PARTIAL_SUMS) {
      return undefined
    }
    reachable = next
  }
  return reachable.get(target)
}

function chosenItems(items: YookassaReceiptItem[], counts: number[]): YookassaReceiptItem[] {
  return items.flatMap((item, index) => (counts[index] > 0 ? [{ ...item, quantity: counts[index].toFixed(2) }] : []))
}

/** `target` split over the items by their sums, kopeck by kopeck (allocateKopecks). */
function proportionalItems(items: YookassaReceiptItem[], target: bigint): YookassaReceiptItem[] {
  const sums = items.map((item) => fromMinor(unitPrice(item) * BigInt(unitsOf(item))))
  const shares = allocateKopecks(sums, target)
  return items.flatMap((item, index) =>
    shares[index] > 0n
      ? [{ ...item, quantity: "1.00", amount: { ...item.amount, value: fromMinor(shares[index]) } }]
      : []
  )
}
