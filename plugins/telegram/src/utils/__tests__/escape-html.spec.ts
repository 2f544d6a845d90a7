import { escapeHtml } from "../escape-html"

describe("escapeHtml", () => {
  it("escapes the characters Telegram's HTML mode reserves, and double quotes", () => {
    expect(escapeHtml(`<b>Tom & "Jerry"</b>`)).toBe("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;")
  })

  it("escapes an existing entity again, so user text shows literally", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;")
  })

  it("leaves everything else alone, including apostrophes and non-Latin text", () => {
    expect(escapeHtml("Курс «ИИ для всех» — it's 🔥")).toBe("Курс «ИИ для всех» — it's 🔥")
  })

  it("turns null and undefined into an empty string and other values into text", () => {
    expect(escapeHtml(undefined)).toBe("")
    expect(escapeHtml(null)).toBe("")
    expect(escapeHtml(1500)).toBe("1500")
  })
})
