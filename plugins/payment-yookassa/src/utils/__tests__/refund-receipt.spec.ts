import { buildReceipt, receiptTotal } from "../receipt"
import { refundReceipt } from "../refund-receipt"

const settings = { enabled: true, vatCode: 1, paymentSubject: "service", paymentMode: "full_payment" }

const receiptOf = (lines: Array<[title: string, quantity: number, total: number]>) =>
  buildReceipt(
    lines.map(([title, quantity, total]) => ({ title, quantity, total })),
    lines.reduce((sum, [, , total]) => sum + total, 0),
    { email: "a@b.ru" },
    "RUB",
    settings
  )

const summary = (receipt: ReturnType<typeof refundReceipt>) =>
  receipt.items.map((item) => [item.description, item.quantity, item.amount.value])

describe("refund receipts", () => {
  it("name the course refunded, not the first in the cart", () => {
    const original = receiptOf([
      ["Промпт-инжиниринг", 1, 14990],
      ["ML за выходные", 1, 9990],
      ["Нейросети для дизайнера", 1, 4990],
    ])
    expect(summary(refundReceipt(original, 9990))).toEqual([["ML за выходные", "1.00", "9990.00"]])
    expect(summary(refundReceipt(original, 4990))).toEqual([["Нейросети для дизайнера", "1.00", "4990.00"]])
    expect(summary(refundReceipt(original, "14980.00"))).toEqual([
      ["ML за выходные", "1.00", "9990.00"],
      ["Нейросети для дизайнера", "1.00", "4990.00"],
    ])
  })

  it("list every line of a full refund with its quantity", () => {
    const original = receiptOf([
      ["A", 1, 1000],
      ["B", 3, 100],
    ])
    const full = refundReceipt(original, 1100)
    expect(summary(full)).toEqual([
      ["A", "1.00", "1000.00"],
      ["B", "2.00", "33.33"],
      ["B", "1.00", "33.34"],
    ])
    expect(receiptTotal(full)).toBe("1100.00")
  })

  it("take whole units of a line bought several times, and prefer the fewest units", () => {
    const original = receiptOf([
      ["Пакет", 4, 2000],
      ["Курс", 1, 1000],
    ])
    // One course, not two units of the package.
    expect(summary(refundReceipt(original, 1000))).toEqual([["Курс", "1.00", "1000.00"]])
    expect(summary(refundReceipt(original, 1500))).toEqual([
      ["Пакет", "1.00", "500.00"],
      ["Курс", "1.00", "1000.00"],
    ])
  })

  it("split the amount in proportion only when no lines add up to it, to the kopeck", () => {
    const original = receiptOf([
      ["A", 1, 1000],
      ["B", 1, 500],
    ])
    const partial = refundReceipt(original, "1200.50")
    expect(summary(partial)).toEqual([
      ["A", "1.00", "800.33"],
      ["B", "1.00", "400.17"],
    ])
    expect(receiptTotal(partial)).toBe("1200.50")
    expect(summary(refundReceipt(original, "0.01"))).toEqual([["A", "1.00", "0.01"]])
  })

  it("stay exact and fast for a receipt with many lines", () => {
    const original = receiptOf(
      Array.from(
        { length: 40 },
        (_, index) => [`Курс ${index}`, 5, 997 * (index + 1) + 0.13 * index] as [string, number, number]
      )
    )
    for (const amount of ["12345.67", "997.00", "1.00"]) {
      expect(receiptTotal(refundReceipt(original, amount))).toBe(amount)
    }
  })
})
