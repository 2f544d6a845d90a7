import { findUnstorableText, hasUnstorableText } from "../../src/api/input/unstorable-text"
import { isInputDataException } from "../../src/api/errors/input-data-exception"

describe("text PostgreSQL cannot store", () => {
  it("finds NUL and halves of UTF-16 pairs, and lets whole pairs and ordinary text through", () => {
    expect(hasUnstorableText("a\u0000b")).toBe(true)
    expect(hasUnstorableText("\ud800")).toBe(true)
    expect(hasUnstorableText("x\udc00")).toBe(true)
    expect(hasUnstorableText("\udc00\ud800")).toBe(true)
    expect(hasUnstorableText("😀 Курс \u0001")).toBe(false)
  })

  it("names where in a body or query it sits, keys included", () => {
    expect(findUnstorableText({ events: [{ details: { note: "ok" } }, { details: { note: "a\u0000" } }] })).toBe(
      "events.1.details.note"
    )
    expect(findUnstorableText({ metadata: { "k\u0000": 1 } })).toBe('metadata."k\\u0000"')
    expect(findUnstorableText("\u0000")).toBe("(value)")
    expect(findUnstorableText({ a: [1, true, null, "ok"] })).toBeUndefined()
  })

  it("refuses nesting deeper than it walks", () => {
    let deep: unknown = "ok"
    for (let level = 0; level < 40; level++) {
      deep = [deep]
    }
    expect(findUnstorableText(deep)).toBeDefined()
  })
})

describe("PostgreSQL refusing a value", () => {
  it("is a data exception (SQLSTATE class 22) on the error or what it wraps", () => {
    expect(isInputDataException({ code: "22P05" })).toBe(true)
    expect(isInputDataException(Object.assign(new Error("driver"), { cause: { code: "22003" } }))).toBe(true)
    expect(isInputDataException({ code: "23505" })).toBe(false)
    expect(isInputDataException({ code: 22 })).toBe(false)
    expect(isInputDataException(new Error("22P02"))).toBe(false)
  })
})
