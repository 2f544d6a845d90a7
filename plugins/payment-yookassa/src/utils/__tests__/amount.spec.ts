import fc from "fast-check"
import { MedusaError } from "@medusajs/framework/utils"
import PaymentModuleService from "@medusajs/payment/dist/services/payment-module"
import { fromMinor, isZero, toMinor, toYookassaValue } from "../amount"

/** Medusa's own rounding, the one its payment module compares captures and collections with. */
const medusaRounds = (amount: string): string =>
  (
    PaymentModuleService.prototype as unknown as {
      roundToCurrencyPrecision(amount: string, currency: string): { toFixed(digits: number): string }
    }
  ).roundToCurrencyPrecision
    .call(null, amount, "rub")
    .toFixed(2)

/** Decimal strings with up to four decimals, as a percentage promotion leaves them. */
const amounts = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
  .map(([units, decimals]) =>
    decimals === 0
      ? `${units}`
      : `${units / 10n ** BigInt(decimals)}.${String(units % 10n ** BigInt(decimals)).padStart(decimals, "0")}`
  )

describe("Yookassa amounts", () => {
  it("round a total with more than two decimals to kopecks, half up", () => {
    expect(toYookassaValue(37786.631)).toBe("37786.63")
    expect(toYookassaValue("37786.635")).toBe("37786.64")
    expect(toYookassaValue("37786.6349")).toBe("37786.63")
    expect(toYookassaValue({ value: "37786.631", precision: 20 })).toBe("37786.63")
    expect(toMinor("37786.631")).toBe(3778663n)
    expect(fromMinor(3778663n)).toBe("37786.63")
  })

  it("round exactly as Medusa's payment module does (roundToCurrencyPrecision)", () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        expect(toYookassaValue(amount)).toBe(medusaRounds(amount))
      }),
      { numRuns: 2000 }
    )
  })

  it("say an amount that rounds to 0.00 is nothing", () => {
    expect(isZero("0.004")).toBe(true)
    expect(isZero("0.005")).toBe(false)
    expect(isZero(0)).toBe(true)
  })

  it("refuse what is not an amount with a MedusaError (a 400), never a plain Error", () => {
    for (const bad of ["-1", "abc", Number.NaN, Number.POSITIVE_INFINITY]) {
      let thrown: unknown
      try {
        toYookassaValue(bad)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(MedusaError)
      expect((thrown as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
      expect((thrown as MedusaError).message).toMatch(/Not an amount Yookassa can take/)
    }
  })
})
