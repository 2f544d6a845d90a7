import fc from "fast-check"
import { dayIn, hasWholeHourOffsets, isTimeZone, rangeEnd, startOfDay } from "../time-zone"

describe("time zones", () => {
  it("knows IANA names and refuses anything else", () => {
    expect(isTimeZone("Europe/Moscow")).toBe(true)
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true)
    expect(isTimeZone("Mars/Olympus")).toBe(false)
    expect(isTimeZone("Europe/Moscow; DROP TABLE")).toBe(false)
  })

  it("takes only zones a whole number of hours from UTC, winter and summer", () => {
    expect(hasWholeHourOffsets("Europe/Moscow")).toBe(true)
    expect(hasWholeHourOffsets("Europe/Berlin")).toBe(true)
    expect(hasWholeHourOffsets("Asia/Kolkata")).toBe(false)
    expect(hasWholeHourOffsets("Australia/Adelaide")).toBe(false)
  })
})

describe("day bucketing", () => {
  it("starts a Moscow day at 21:00 UTC the day before", () => {
    expect(startOfDay("2026-03-01", "Europe/Moscow").toISOString()).toBe("2026-02-28T21:00:00.000Z")
  })

  it("follows daylight saving on the day it changes and after", () => {
    expect(startOfDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z")
    expect(startOfDay("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z")
  })

  it("puts an instant on the store's calendar day, not UTC's", () => {
    expect(dayIn(new Date("2026-11-30T20:59:59Z"), "Europe/Moscow")).toBe("2026-11-30")
    expect(dayIn(new Date("2026-11-30T21:00:00Z"), "Europe/Moscow")).toBe("2026-12-01")
  })

  it("has every day start on that day, and the instant before on the day before", () => {
    const day = fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2060-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    const zone = fc.constantFrom("Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Vladivostok", "UTC")
    fc.assert(
      fc.property(day, zone, (date, timeZone) => {
        const name = date.toISOString().slice(0, 10)
        const start = startOfDay(name, timeZone)
        expect(dayIn(start, timeZone)).toBe(name)
        expect(dayIn(new Date(start.getTime() - 1), timeZone)).not.toBe(name)
      })
    )
  })
})

describe("rangeEnd", () => {
  it("reads a calendar day as its start in the zone, and an ISO date-time as is", () => {
    expect(rangeEnd("2026-03-01", "Europe/Moscow")?.toISOString()).toBe("2026-02-28T21:00:00.000Z")
    expect(rangeEnd("2026-03-01T10:00:00Z", "Europe/Moscow")?.toISOString()).toBe("2026-03-01T10:00:00.000Z")
  })

  it("refuses a day that does not exist and what is no date at all", () => {
    expect(rangeEnd("2026-02-30", "Europe/Moscow")).toBeUndefined()
    expect(rangeEnd("yesterday", "Europe/Moscow")).toBeUndefined()
  })
})
