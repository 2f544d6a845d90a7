import { parseTelegramHtml } from "../../testing/bot-api/telegram-html"
import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from "../split-message"

/** The text a reader sees, chunk by chunk, with each chunk checked to be valid HTML. */
function visible(chunks: string[]): string[] {
  return chunks.map((chunk) => {
    const parsed = parseTelegramHtml(chunk)
    if (!parsed.ok) {
      throw new Error(`invalid chunk ${JSON.stringify(chunk)}: ${parsed.description}`)
    }
    return parsed.text
  })
}

describe("splitMessage", () => {
  it("keeps a short message whole", () => {
    expect(splitMessage("<b>Order #12</b>\nTotal: 1 500 ₽")).toEqual(["<b>Order #12</b>\nTotal: 1 500 ₽"])
  })

  it("gives no chunk for an empty or blank text", () => {
    expect(splitMessage("")).toEqual([])
    expect(splitMessage(" \n\n ")).toEqual([])
  })

  it("cuts a 5,000-character text into two chunks at a line break, within the limit", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(3, "0")} `.padEnd(49, "x"))
    const text = lines.join("\n") + "\n"
    expect(text).toHaveLength(5000)

    const chunks = splitMessage(text)
    expect(chunks).toHaveLength(2)
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT)
    }
    expect(chunks.join("\n")).toBe(text.trimEnd())
  })

  it("prefers a blank line in the second half of the chunk to a later line break", () => {
    const text = "a".repeat(60) + "\n\n" + "b".repeat(20) + "\n" + "c".repeat(10) + "\n" + "d".repeat(40)
    expect(splitMessage(text, { limit: 100 })).toEqual([
      "a".repeat(60),
      "b".repeat(20) + "\n" + "c".repeat(10) + "\n" + "d".repeat(40),
    ])
  })

  it("closes an element at the cut and opens it again in the next chunk", () => {
    const text = `<b>${"word ".repeat(30)}</b>`
    const chunks = splitMessage(text, { limit: 60 })
    expect(chunks.length).toBeGreaterThan(1)
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(60)
      expect(chunk.startsWith("<b>")).toBe(true)
      expect(chunk.endsWith("</b>")).toBe(true)
    }
    expect(
      visible(chunks)
        .map((chunk) => chunk.trim())
        .join(" ")
    ).toBe("word ".repeat(30).trim())
  })

  it("reopens a link with its attributes", () => {
    const chunks = splitMessage(`<a href="https://t.me/aistore">${"x".repeat(50)} ${"y".repeat(50)}</a>`, { limit: 90 })
    expect(chunks).toEqual([
      `<a href="https://t.me/aistore">${"x".repeat(50)}</a>`,
      `<a href="https://t.me/aistore">${"y".repeat(50)}</a>`,
    ])
  })

  it("never cuts inside an entity, a tag or a surrogate pair, even in a line with no space", () => {
    const text = "&amp;🔥<i>z</i>".repeat(40)
    const chunks = splitMessage(text, { limit: 50 })
    expect(visible(chunks).join("")).toBe("&🔥z".repeat(40))
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(50)
      expect(chunk).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/)
    }
  })

  it("keeps every chunk valid and within the limit for long mixed messages", () => {
    const paragraph = (i: number) =>
      `<b>Курс ${i}</b> — <i>${"описание ".repeat(i % 7)}</i>\n<a href="https://example.test/${i}">ссылка</a> &amp; <code>${i}</code>`
    const text = Array.from({ length: 200 }, (_, i) => paragraph(i)).join("\n\n")
    for (const limit of [120, 700, TELEGRAM_MESSAGE_LIMIT]) {
      const chunks = splitMessage(text, { limit })
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(limit)
      }
      const whole = parseTelegramHtml(text)
      expect(whole.ok && whole.text.replace(/\s+/g, "")).toBe(visible(chunks).join("").replace(/\s+/g, ""))
    }
  })

  it("refuses a limit too small for a single tag", () => {
    expect(() => splitMessage(`<a href="https://example.test/long">x</a>`, { limit: 10 })).toThrow(/cannot cut/)
  })
})
