import { randomUUID } from "node:crypto"
import { MAX_DETAILS_BYTES, MAX_EVENTS_PER_BATCH, StoreClicksBody } from "../validators"

const event = (fields: Record<string, unknown> = {}) => ({
  type: "product_view",
  session_id: randomUUID(),
  product_id: "prod_01",
  occurred_at: new Date().toISOString(),
  ...fields,
})

const problems = (body: unknown) => {
  const parsed = StoreClicksBody.safeParse(body)
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
}

describe("StoreClicksBody", () => {
  it("takes a batch of events and reads occurred_at as a date", () => {
    const parsed = StoreClicksBody.parse({ events: [event(), event({ type: "search", details: { query: "ии" } })] })
    expect(parsed.events[0].occurred_at).toBeInstanceOf(Date)
  })

  it("refuses an empty batch and one over the cap", () => {
    expect(problems({ events: [] })).toHaveLength(1)
    expect(problems({ events: Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => event()) })).toHaveLength(1)
  })

  it("refuses fields a client must not set, such as the customer", () => {
    expect(problems({ events: [event({ customer_id: "cus_forged" })] })).toEqual([
      expect.stringContaining("Unrecognized key"),
    ])
    expect(problems({ events: [event()], extra: true })).toEqual([expect.stringContaining("Unrecognized key")])
  })

  it("refuses a guessable session id", () => {
    expect(problems({ events: [event({ session_id: "session-1" })] })).toEqual([
      "events.0.session_id: session_id must be a UUID (crypto.randomUUID())",
    ])
  })

  it("refuses details over the size cap", () => {
    const details = { note: "x".repeat(MAX_DETAILS_BYTES) }
    expect(problems({ events: [event({ details })] })).toEqual([
      `events.0.details: details must be at most ${MAX_DETAILS_BYTES} bytes of JSON`,
    ])
  })

  it("refuses a time more than a day from the server's clock, either way", () => {
    const day = 24 * 60 * 60 * 1000
    for (const offset of [day + 60_000, -(day + 60_000)]) {
      expect(problems({ events: [event({ occurred_at: new Date(Date.now() + offset).toISOString() })] })).toEqual([
        "events.0.occurred_at: occurred_at is more than a day away from the server's clock",
      ])
    }
    expect(problems({ events: [event({ occurred_at: "not a date" })] })).toHaveLength(1)
  })
})
