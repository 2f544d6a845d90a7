import { entityIds } from "../ingest/entity-ids"
import { funnelOf } from "../stats/funnel"

describe("entityIds", () => {
  it("makes distinct ids shaped like Medusa's, time first so they sort by creation", () => {
    const ids = entityIds("clevt", 100, Date.UTC(2026, 11, 1))
    expect(new Set(ids).size).toBe(100)
    for (const id of ids) {
      expect(id).toMatch(/^clevt_[0-9A-HJKMNP-TV-Z]{26}$/)
    }
    const [later] = entityIds("clevt", 1, Date.UTC(2026, 11, 1) + 1)
    expect(later.slice(0, 16) > ids[0].slice(0, 16)).toBe(true)
  })
})

describe("funnelOf", () => {
  it("gives the conversion between consecutive steps, to four decimals", () => {
    expect(funnelOf({ views: 3, add_to_cart: 2, checkout_start: 1, purchases: 1 }).conversion).toEqual({
      view_to_cart: 0.6667,
      cart_to_checkout: 0.5,
      checkout_to_purchase: 1,
    })
  })

  it("has no conversion from a step nobody reached", () => {
    expect(funnelOf({ views: 0, add_to_cart: 0, checkout_start: 0, purchases: 0 }).conversion).toEqual({
      view_to_cart: null,
      cart_to_checkout: null,
      checkout_to_purchase: null,
    })
  })
})
