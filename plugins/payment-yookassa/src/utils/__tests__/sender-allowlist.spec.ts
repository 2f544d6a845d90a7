import { SenderAllowlist, senderAddress } from "../sender-allowlist"
import { YOOKASSA_NOTIFICATION_RANGES } from "../../options"

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as never

describe("webhook sender check", () => {
  const yookassa = new SenderAllowlist(YOOKASSA_NOTIFICATION_RANGES, false)

  it("accepts Yookassa's published ranges only", () => {
    for (const address of ["185.71.76.5", "185.71.77.31", "77.75.153.100", "77.75.154.200", "77.75.156.11", "77.75.156.35", "2a02:5180::1"]) {
      expect(yookassa.allows(address)).toBe(true)
    }
    for (const address of ["185.71.76.32", "77.75.156.12", "8.8.8.8", "127.0.0.1", "::1", "2a02:5181::1", undefined]) {
      expect(yookassa.allows(address)).toBe(false)
    }
  })

  it("adds extra ranges and, in local mode only, loopback", () => {
    const local = new SenderAllowlist([...YOOKASSA_NOTIFICATION_RANGES, "10.1.0.0/16", "192.168.0.7"], true)
    expect(local.allows("10.1.200.3")).toBe(true)
    expect(local.allows("192.168.0.7")).toBe(true)
    expect(local.allows("192.168.0.8")).toBe(false)
    expect(local.allows("127.0.0.1")).toBe(true)
    expect(local.allows("::1")).toBe(true)
  })

  it("believes X-Forwarded-For only as far as the trusted proxies go", () => {
    // Direct client claiming to be Yookassa: with no trusted proxy the header is not read.
    expect(senderAddress(request("203.0.113.9", "185.71.76.5"), 0)).toBe("203.0.113.9")
    // One proxy: the entry it appended (the last) is the sender; what the client wrote before it is not.
    expect(senderAddress(request("10.0.0.2", "185.71.76.5, 203.0.113.9"), 1)).toBe("203.0.113.9")
    expect(senderAddress(request("10.0.0.2", "185.71.76.5"), 1)).toBe("185.71.76.5")
    // Two proxies: the second entry from the right.
    expect(senderAddress(request("10.0.0.2", "1.2.3.4, 185.71.76.5, 10.0.0.3"), 2)).toBe("185.71.76.5")
    // Fewer entries than proxies: not through every proxy, so unknown.
    expect(senderAddress(request("10.0.0.2", "185.71.76.5"), 2)).toBeUndefined()
    expect(senderAddress(request("::ffff:185.71.76.5"), 0)).toBe("185.71.76.5")
    expect(senderAddress(request("10.0.0.2", "not-an-ip"), 1)).toBeUndefined()
  })
})
