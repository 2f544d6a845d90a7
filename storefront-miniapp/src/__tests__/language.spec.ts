import { medusaLocale, pickLanguage } from "../i18n/language"
import { MESSAGES } from "../i18n/messages"
import { createTranslator, pluralForm } from "../i18n/translate"

describe("language", () => {
  it("is Russian for Russian speakers and when Telegram tells nothing, English otherwise", () => {
    expect(pickLanguage("ru")).toBe("ru")
    expect(pickLanguage("uk")).toBe("ru")
    expect(pickLanguage(undefined)).toBe("ru")
    expect(pickLanguage("en")).toBe("en")
    expect(pickLanguage("de-DE")).toBe("en")
    expect(medusaLocale("ru")).toBe("ru-RU")
    expect(medusaLocale("en")).toBe("en-US")
  })

  it("has every string in both languages, with the same parameters", () => {
    const params = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort()
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.ru).sort())
    for (const key of Object.keys(MESSAGES.ru) as (keyof typeof MESSAGES.ru)[]) {
      expect(MESSAGES.en[key].trim()).not.toBe("")
      expect([key, params(MESSAGES.en[key])]).toEqual([key, params(MESSAGES.ru[key])])
    }
  })

  it("fills parameters and picks plural forms", () => {
    const ru = createTranslator("ru")
    const en = createTranslator("en")
    expect(ru("buyFor", { price: "3 990 ₽" })).toBe("Купить за 3 990 ₽")
    expect([1, 2, 5, 11, 21, 22].map((n) => ru("lessons", { n }))).toEqual([
      "1 урок",
      "2 урока",
      "5 уроков",
      "11 уроков",
      "21 урок",
      "22 урока",
    ])
    expect([1, 2].map((n) => en("lessons", { n }))).toEqual(["1 lesson", "2 lessons"])
    expect(pluralForm("en", "single", 3)).toBe("single")
  })
})
