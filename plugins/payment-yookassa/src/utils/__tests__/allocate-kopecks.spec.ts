import fc from "fast-check"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { allocateKopecks } from "../allocate-kopecks"
import { toMinor } from "../amount"

/** A line total in kopecks with up to two more decimals, as a decimal string. */
const lineTotal = fc
  .tuple(fc.bigInt({ min: 0n, max: 5_000_000n }), fc.integer({ min: 0, max: 99 }))
  .map(([kopecks, extra]) =>
    MathBN.convert(kopecks.toString()).plus(MathBN.convert(extra).shiftedBy(-2)).shiftedBy(-2).toFixed()
  )

/** Medusa's order promotion: each line lowered by the same percentage, exactly (3–4 decimals). */
const discounted = (lines: string[], percent: string) =>
  lines.map((line) => MathBN.mult(line, MathBN.sub(1, MathBN.div(percent, 100))).toFixed())

const percents = fc.integer({ min: 0, max: 10_000 }).map((basis) => MathBN.convert(basis).shiftedBy(-2).toFixed())

const sumOf = (values: bigint[]) => values.reduce((sum, value) => sum + value, 0n)
const sumExact = (lines: string[]) => MathBN.sum(...lines)

function refusal(attempt: () => unknown): MedusaError {
  try {
    attempt()
  } catch (error) {
    return error as MedusaError
  }
  throw new Error("not refused")
}

describe("allocateKopecks", () => {
  it("fits three courses with a 7.77 % promotion (37 786.631) to the 37 786.63 paid", () => {
    const lines = discounted(["19990", "12990", "7990"], "7.77")
    expect(lines).toEqual(["18436.777", "11980.677", "7369.177"])
    const parts = allocateKopecks(lines, toMinor(sumExact(lines)))
    expect(sumOf(parts)).toBe(3778663n)
    expect(parts).toEqual([1843677n, 1198068n, 736918n])
  })

  it("keeps lines that already add up to the kopeck as they are", () => {
    expect(allocateKopecks([14990, "100", "0.01"], 1509001n)).toEqual([1499000n, 10000n, 1n])
    expect(allocateKopecks([0, 0], 0n)).toEqual([0n, 0n])
  })

  it("property: for any lines and promotion, the parts add up exactly to the rounded total, each ≥ 0 and within a kopeck of its line", () => {
    fc.assert(
      fc.property(fc.array(lineTotal, { minLength: 1, maxLength: 12 }), percents, (lines, percent) => {
        const after = discounted(lines, percent)
        const target = toMinor(sumExact(after))
        const parts = allocateKopecks(after, target)
        expect(sumOf(parts)).toBe(target)
        parts.forEach((part, index) => {
          expect(part >= 0n).toBe(true)
          const exact = MathBN.convert(after[index]).shiftedBy(2)
          expect(MathBN.abs(MathBN.sub(part.toString(), exact)).lte(1)).toBe(true)
        })
        // Deterministic: the same lines give the same parts.
        expect(allocateKopecks(after, target)).toEqual(parts)
      }),
      { numRuns: 1000 }
    )
  })

  it("property: a discount the lines do not carry is spread over them, never below zero", () => {
    fc.assert(
      fc.property(fc.array(lineTotal, { minLength: 1, maxLength: 12 }), percents, (lines, percent) => {
        const target = toMinor(MathBN.mult(sumExact(lines), MathBN.sub(1, MathBN.div(percent, 100))))
        const parts = allocateKopecks(lines, target)
        expect(sumOf(parts)).toBe(target)
        expect(parts.every((part) => part >= 0n)).toBe(true)
      }),
      { numRuns: 1000 }
    )
  })

  it("refuses, with a MedusaError naming the problem, what no receipt can list", () => {
    const short = refusal(() => allocateKopecks(["100.00", "200.004"], 30002n))
    expect(short).toBeInstanceOf(MedusaError)
    expect(short.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(short.message).toBe(
      "The receipt cannot match the payment: its lines add up to 300.00 but the payment is 300.02; refresh the cart and try again"
    )
    expect(refusal(() => allocateKopecks([], 100n)).message).toMatch(/lines add up to 0.00 but the payment is 1.00/)
    expect(refusal(() => allocateKopecks(["100", "-1"], 9900n)).message).toMatch(/line 2 has a negative total \(-1\)/)
  })
})
