import { rateLimitKey } from "../rate-limit"

describe("rateLimitKey", () => {
  it("counts a signed-in customer's events together, from any address", () => {
    const address = jest.fn(() => "203.0.113.7")
    expect(rateLimitKey("cus_1", address)).toBe("customer:cus_1")
    expect(address).not.toHaveBeenCalled()
  })

  it("counts an anonymous client by address, never by anything it chose itself", () => {
    expect(rateLimitKey(undefined, () => "203.0.113.7")).toBe("address:203.0.113.7")
    expect(rateLimitKey("", () => "203.0.113.7")).toBe("address:203.0.113.7")
  })
})
