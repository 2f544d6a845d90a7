import { MemoryWindowCounter } from "../rate-limit/memory-window-counter"
import { currentWindow } from "../rate-limit/window-counter"

describe("currentWindow", () => {
  it("numbers fixed windows and says how long until the next one, at least a second", () => {
    expect(currentWindow({ events: 10, windowSeconds: 60 }, 125_000)).toMatchObject({ index: 2, retryAfterSeconds: 55 })
    expect(currentWindow({ events: 10, windowSeconds: 60 }, 179_999)).toMatchObject({ index: 2, retryAfterSeconds: 1 })
  })
})

describe("MemoryWindowCounter", () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date("2026-12-01T00:00:05Z") })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it("takes all or nothing: a batch over the budget takes none of it", async () => {
    const counter = new MemoryWindowCounter({ events: 100, windowSeconds: 60 })
    expect(await counter.take("customer:cus_1", 60)).toEqual({ allowed: true })
    expect(await counter.take("customer:cus_1", 50)).toEqual({ allowed: false, retryAfterSeconds: 55 })
    expect(await counter.take("customer:cus_1", 40)).toEqual({ allowed: true })
  })

  it("keeps one budget per key", async () => {
    const counter = new MemoryWindowCounter({ events: 100, windowSeconds: 60 })
    await counter.take("address:203.0.113.7", 100)
    expect(await counter.take("address:203.0.113.7", 1)).toMatchObject({ allowed: false })
    expect(await counter.take("address:203.0.113.8", 100)).toEqual({ allowed: true })
    expect(await counter.take("customer:203.0.113.7", 100)).toEqual({ allowed: true })
  })

  it("gives every budget back in the next window", async () => {
    const counter = new MemoryWindowCounter({ events: 100, windowSeconds: 60 })
    await counter.take("customer:cus_1", 100)
    jest.setSystemTime(new Date("2026-12-01T00:01:00Z"))
    expect(await counter.take("customer:cus_1", 100)).toEqual({ allowed: true })
  })
})
