import { buildReceipt, receiptCustomer, receiptTotal } from "../receipt"
import fc from "fast-check"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { toYookassaValue } from "../amount"

const settings = { enabled: true, vatCode: 1, paymentSubject: "service", paymentMode: "full_payment" }

describe("amounts", () => {
  it("are exact two-decimal strings, never floats", () => {
    expect(toYookassaValue(1500)).toBe("1500.00")
    expect(toYookassaValue("14990.5")).toBe("14990.50")
    expect(toYookassaValue(0.1 + 0.2 - 0.00000000000000004)).toBe("0.30")
    expect(toYookassaValue({ value: "1999.99", precision: 20 })).toBe("1999.99")
    // More than two decimals: rounded to kopecks, half up, as Medusa's payment module rounds.
    expect(toYookassaValue("10.005")).toBe("10.01")
    expect(toYookassaValue("37786.631")).toBe("37786.63")
  })
})

describe("54-FZ receipts", () => {
  it("add up to the payment amount to the kopeck", () => {
    const receipt = buildReceipt(
      [
        { title: "Промпт-инжиниринг", quantity: 1, total: 14990 },
        { title: "ML за выходные", quantity: 3, total: 100 },
      ],
      15090,
      { email: "buyer@example.ru" },
      "rub",
      { ...settings, taxSystemCode: 2 }
    )
    expect(receipt.items).toEqual([
      {
        description: "Промпт-инжиниринг",
        quantity: "1.00",
        amount: { value: "14990.00", currency: "RUB" },
        vat_code: 1,
        payment_subject: "service",
        payment_mode: "full_payment",
      },
      {
        description: "ML за выходные",
        quantity: "2.00",
        amount: { value: "33.33", currency: "RUB" },
        vat_code: 1,
        payment_subject: "service",
        payment_mode: "full_payment",
      },
      {
        description: "ML за выходные",
        quantity: "1.00",
        amount: { value: "33.34", currency: "RUB" },
        vat_code: 1,
        payment_subject: "service",
        payment_mode: "full_payment",
      },
    ])
    expect(receipt.tax_system_code).toBe(2)
    expect(receiptTotal(receipt)).toBe("15090.00")
  })

  it("takes an e-mail, else a phone as digits, else nothing", () => {
    expect(receiptCustomer({ email: " a@b.ru ", phone: "+7 900 123-45-67" })).toEqual({ email: "a@b.ru" })
    expect(receiptCustomer({ phone: "+7 (900) 123-45-67" })).toEqual({ phone: "79001234567" })
    expect(receiptCustomer({ phone: "123" })).toBeUndefined()
    expect(receiptCustomer({})).toBeUndefined()
  })
})

describe("54-FZ receipts of totals with more than two decimals", () => {
  const lineOf = (title: string, quantity: number, total: string) => ({ title, quantity, total })

  it("list three courses with a 7.77 % promotion (37 786.631) as the 37 786.63 paid", () => {
    const receipt = buildReceipt(
      [
        lineOf("Промпт-инжиниринг", 1, "18436.777"),
        lineOf("ML за выходные", 1, "11980.677"),
        lineOf("Нейросети", 1, "7369.177"),
      ],
      "37786.631",
      { email: "buyer@example.ru" },
      "rub",
      settings
    )
    expect(receipt.items.map((item) => [item.quantity, item.amount.value])).toEqual([
      ["1.00", "18436.77"],
      ["1.00", "11980.68"],
      ["1.00", "7369.18"],
    ])
    expect(receiptTotal(receipt)).toBe("37786.63")
  })

  it("property: for random lines (3–4 decimals, quantities) and a promotion, items add up exactly to the rounded total, each priced above zero", () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 5 }),
      units: fc.bigInt({ min: 0n, max: 50_000_000n }),
    })
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 9_999 }),
        (drawn, basis) => {
          // Whole-unit prices in hundredths of a kopeck, lowered by `basis` hundredths of a percent.
          const keep = MathBN.sub(1, MathBN.convert(basis).shiftedBy(-4))
          const lines = drawn.map(({ quantity, units }, index) =>
            lineOf(
              `Курс ${index}`,
              quantity,
              MathBN.mult(MathBN.convert(units.toString()).shiftedBy(-4), keep).toFixed()
            )
          )
          const total = MathBN.sum(...lines.map((entry) => entry.total))
          const receipt = buildReceipt(lines, total, { email: "a@b.ru" }, "RUB", settings)
          expect(receiptTotal(receipt)).toBe(toYookassaValue(total))
          for (const item of receipt.items) {
            expect(MathBN.gt(item.amount.value, 0)).toBe(true)
            expect(item.quantity).toMatch(/^[1-9]\d*\.00$/)
            expect(item.amount.value).toMatch(/^\d+\.\d{2}$/)
          }
        }
      ),
      { numRuns: 1000 }
    )
  })

  it("are refused with a MedusaError naming the problem when the lines cannot make up the amount", () => {
    const attempt = () => buildReceipt([lineOf("Курс", 1, "100.004")], "100.02", { email: "a@b.ru" }, "RUB", settings)
    expect(attempt).toThrow(MedusaError)
    expect(attempt).toThrow("its lines add up to 100.00 but the payment is 100.02")
    expect(() => buildReceipt([lineOf("Курс", 1.5, "100")], "100", { email: "a@b.ru" }, "RUB", settings)).toThrow(
      'Receipt line "Курс" has a quantity of 1.5'
    )
  })
})
