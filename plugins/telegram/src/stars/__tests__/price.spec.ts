import { starsPriceOf, type CartForStars } from "../price"
import { decodeInvoicePayload, encodeInvoicePayload } from "../payload"

const cart = (items: CartForStars["items"], extra: Partial<CartForStars> = {}): CartForStars => ({
  id: "cart_01TEST",
  currency_code: "rub",
  total: (items ?? []).reduce((sum, item) => sum + Number(item?.total ?? 0), 0),
  items,
  ...extra,
})

describe("starsPriceOf", () => {
  it("divides the roubles by the rate exactly and rounds up once", () => {
    expect(starsPriceOf(cart([{ quantity: 1, total: 300 }]), 1.5).stars).toBe(200)
    expect(starsPriceOf(cart([{ quantity: 1, total: 5990 }]), 1.5).stars).toBe(3994)
    // Two lines of 1 ₽ at 1.5 ₽ per Star: one rounding for the cart (2), not one per line (2 + 0 → 1 + 1).
    expect(
      starsPriceOf(
        cart([
          { quantity: 1, total: 1 },
          { quantity: 1, total: 1 },
        ]),
        1.5
      ).stars
    ).toBe(2)
    expect(starsPriceOf(cart([{ quantity: 1, total: 0.1 + 0.2 }]), 0.3).stars).toBe(1)
  })

  it("takes the merchant's Stars price of a variant, times the quantity, and converts the rest", () => {
    const price = starsPriceOf(
      cart([
        { quantity: 2, total: 1000, variant: { metadata: { stars_price: 7 } } },
        { quantity: 1, total: 150, variant: { metadata: { stars_price: "abc" } } },
        { quantity: 1, total: 150, variant: { metadata: { stars_price: "5" } } },
      ]),
      1.5
    )
    expect(price.stars).toBe(14 + 100 + 5)
  })

  it("ignores Stars prices that are not positive whole numbers and adds shipping in roubles", () => {
    for (const bad of [0, -3, 1.5, "1e3", null]) {
      expect(
        starsPriceOf(cart([{ quantity: 1, total: 30, variant: { metadata: { stars_price: bad } } }]), 1.5).stars
      ).toBe(20)
    }
    expect(starsPriceOf(cart([{ quantity: 1, total: 30 }], { shipping_total: 3 }), 1.5).stars).toBe(22)
  })
})

describe("starsPriceOf with promotions and other currencies", () => {
  it("lowers a line's own Stars price as its promotion lowers its total, rounding up", () => {
    const line = (total: number) => ({
      quantity: 1,
      total,
      original_total: 3990,
      variant: { metadata: { stars_price: 2000 } },
    })
    expect(starsPriceOf(cart([line(3990)]), 1.5).stars).toBe(2000)
    expect(starsPriceOf(cart([line(1995)]), 1.5).stars).toBe(1000)
    // 7.77 % off: 2000 × 3679.977 / 3990 = 1844.6 → 1845.
    expect(starsPriceOf(cart([line(3679.977)]), 1.5).stars).toBe(1845)
    expect(starsPriceOf(cart([line(0)]), 1.5).stars).toBe(0)
  })

  it("refuses a cart in another currency than roubles, whatever the rate", () => {
    expect(() => starsPriceOf(cart([{ quantity: 1, total: 20 }], { currency_code: "usd" }), 1.5)).toThrow(
      /priced from roubles; this cart is in USD/
    )
    expect(starsPriceOf(cart([{ quantity: 1, total: 300 }], { currency_code: "RUB" }), 1.5).stars).toBe(200)
  })
})

describe("invoice payload", () => {
  it("round-trips a session and cart, and refuses anything else", () => {
    const payload = encodeInvoicePayload({ session_id: "payses_01ABC", cart_id: "cart_01XYZ" })
    expect(decodeInvoicePayload(payload)).toEqual({ session_id: "payses_01ABC", cart_id: "cart_01XYZ" })
    for (const other of [
      undefined,
      "",
      "someone-else:42",
      `${payload}:extra`,
      "aistore:payses_01ABC",
      "aistore:pay_01:cart_01",
    ]) {
      expect(decodeInvoicePayload(other)).toBeUndefined()
    }
  })
})
