import { formatDate, formatPrice } from "../lib/format"

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ")

describe("formatPrice", () => {
  it("writes roubles in Russian format: thousands apart, the sign after", () => {
    expect(plain(formatPrice(12990))).toBe("12 990 ₽")
    expect(plain(formatPrice(990, "rub"))).toBe("990 ₽")
    expect(plain(formatPrice(1_000_000, "RUB"))).toBe("1 000 000 ₽")
  })

  it("keeps kopecks when there are any, and none when there are not", () => {
    expect(plain(formatPrice(1990.5))).toBe("1 990,50 ₽")
    expect(plain(formatPrice(0))).toBe("0 ₽")
  })

  it("formats other currencies with their own sign", () => {
    expect(plain(formatPrice(15, "usd"))).toBe("15 $")
  })
})

describe("formatDate", () => {
  it("writes the date in the interface language", () => {
    expect(formatDate("2026-11-30T10:00:00Z", "ru-RU")).toBe("30 ноября 2026 г.")
    expect(formatDate("2026-11-30T10:00:00Z", "en-US")).toBe("November 30, 2026")
    expect(formatDate("not a date", "ru-RU")).toBe("")
  })
})
