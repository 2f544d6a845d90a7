import { buildReceipt, receiptCustomer, receiptTotal } from "../receipt"
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
