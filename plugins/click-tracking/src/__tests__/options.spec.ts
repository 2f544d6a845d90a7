import { parseClickTrackingOptions } from "../options"

describe("parseClickTrackingOptions", () => {
  it("fills the defaults and leaves out the database entry Medusa adds", () => {
    expect(parseClickTrackingOptions({ database: { clientUrl: "postgres://x" } })).toEqual({
      timeZone: "Europe/Moscow",
      retentionDays: 365,
      rateLimit: { events: 1000, windowSeconds: 60 },
      trustedProxyHops: 0,
    })
    expect(parseClickTrackingOptions(undefined).rateLimit).toEqual({ events: 1000, windowSeconds: 60 })
  })

  it("turns the rate limit off with false", () => {
    expect(parseClickTrackingOptions({ rateLimit: false }).rateLimit).toBe(false)
  })

  it.each([
    [{ timeZone: "Asia/Kolkata" }, "timeZone must be a whole number of hours from UTC"],
    [{ timeZone: "Moscow" }, "timeZone must be an IANA time zone"],
    [{ customTypes: ["purchase"] }, "customTypes.0 a custom type must not be a built-in one"],
    [{ customTypes: ["Promo-Click"] }, "customTypes.0 a custom type is lower-case letters"],
    [{ rateLimit: { events: 10, windowSeconds: 60 } }, "rateLimit.events"],
    [{ trustedProxyHops: 11 }, "trustedProxyHops"],
    [{ retentionDay: 30 }, "Unrecognized key"],
  ])("refuses %j naming the option", (options, message) => {
    expect(() => parseClickTrackingOptions(options)).toThrow("Invalid options for @aistore/medusa-click-tracking:")
    expect(() => parseClickTrackingOptions(options)).toThrow(message)
  })
})
