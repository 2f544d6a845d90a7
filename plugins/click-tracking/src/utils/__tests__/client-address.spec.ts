import type { MedusaRequest } from "@medusajs/framework/http"
import { clientAddress } from "../client-address"

const request = (socket: string, forwarded?: string) =>
  ({
    socket: { remoteAddress: socket },
    headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
  }) as unknown as MedusaRequest

describe("clientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(request("10.0.0.5", "203.0.113.7"), 0)).toBe("10.0.0.5")
  })

  it("takes the entry the trusted proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(request("10.0.0.5", "198.51.100.1, 203.0.113.7"), 1)).toBe("203.0.113.7")
    expect(clientAddress(request("10.0.0.5", "198.51.100.1, 203.0.113.7, 10.0.0.4"), 2)).toBe("203.0.113.7")
  })

  it("falls back to the leftmost address when fewer proxies answered than trusted", () => {
    expect(clientAddress(request("10.0.0.5"), 2)).toBe("10.0.0.5")
    expect(clientAddress(request("10.0.0.5", " , "), 1)).toBe("10.0.0.5")
  })
})
