import { formatDate, formatPrice, formatStars } from "../lib/format"
import { estimateStars } from "../lib/stars-estimate"

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

describe("Stars", () => {
  it("estimates a cart's Stars by the store's rate, rounded up as the server does, and only with a rate and a total", () => {
    expect(estimateStars(3990, 1.6)).toBe(2494)
    expect(estimateStars(12990, 1.6)).toBe(8119)
    expect(estimateStars(300, 1.5)).toBe(200)
    expect(estimateStars(0.3, 0.3)).toBe(1)
    expect(estimateStars(1555, 1.555)).toBe(1000)
    expect(estimateStars(3990, null)).toBeUndefined()
    expect(estimateStars(0, 1.6)).toBeUndefined()
  })

  it("writes whole Stars with thousands apart", () => {
    expect(plain(formatStars(8119))).toBe("8 119")
  })
})
