import { compileProxyTrust, SenderAllowlist, senderAddress } from "../sender-allowlist"
import { YOOKASSA_NOTIFICATION_RANGES } from "../../options"

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as never

describe("webhook sender check", () => {
  const yookassa = new SenderAllowlist(YOOKASSA_NOTIFICATION_RANGES, false)

  it("accepts Yookassa's published ranges only", () => {
    for (const address of [
      "185.71.76.5",
      "185.71.77.31",
      "77.75.153.100",
      "77.75.154.200",
      "77.75.156.11",
      "77.75.156.35",
      "2a02:5180::1",
    ]) {
      expect(yookassa.allows(address)).toBe(true)
    }
    for (const address of ["185.71.76.32", "77.75.156.12", "8.8.8.8", "127.0.0.1", "::1", "2a02:5181::1", undefined]) {
      expect(yookassa.allows(address)).toBe(false)
    }
  })

  it("adds extra ranges and, when asked, loopback", () => {
    const local = new SenderAllowlist([...YOOKASSA_NOTIFICATION_RANGES, "10.1.0.0/16", "192.168.0.7"], true)
    expect(local.allows("10.1.200.3")).toBe(true)
    expect(local.allows("192.168.0.7")).toBe(true)
    expect(local.allows("192.168.0.8")).toBe(false)
    expect(local.allows("127.0.0.1")).toBe(true)
    expect(local.allows("::1")).toBe(true)
  })

  it("believes X-Forwarded-For only from a trusted proxy", () => {
    const nobody = compileProxyTrust({ trustedProxies: [], trustedProxyHops: 0 })
    // Direct client claiming to be Yookassa: with no trusted proxy the header is not read.
    expect(senderAddress(request("203.0.113.9", "185.71.76.5"), nobody)).toBe("203.0.113.9")
    expect(senderAddress(request("::ffff:185.71.76.5"), nobody)).toBe("185.71.76.5")

    const nginx = compileProxyTrust({ trustedProxies: ["10.0.0.2"], trustedProxyHops: 0 })
    // From the proxy: the entry it appended (the last) is the sender; what the client wrote before it is not.
    expect(senderAddress(request("10.0.0.2", "185.71.76.5"), nginx)).toBe("185.71.76.5")
    expect(senderAddress(request("::ffff:10.0.0.2", "185.71.76.5, 203.0.113.9"), nginx)).toBe("203.0.113.9")
    // From any other peer the header is ignored, however it looks.
    expect(senderAddress(request("10.0.0.3", "185.71.76.5"), nginx)).toBe("10.0.0.3")
    expect(senderAddress(request("203.0.113.9", "185.71.76.5, 10.0.0.2"), nginx)).toBe("203.0.113.9")
    // The proxy's own request, without a header: the proxy is the sender.
    expect(senderAddress(request("10.0.0.2"), nginx)).toBe("10.0.0.2")
    expect(senderAddress(request("10.0.0.2", "not-an-ip"), nginx)).toBeUndefined()
  })

  it("maps a hop count to at most that many proxies, on private networks unless their addresses are given", () => {
    const oneHop = compileProxyTrust({ trustedProxies: [], trustedProxyHops: 1 })
    expect(senderAddress(request("172.18.0.4", "185.71.76.5"), oneHop)).toBe("185.71.76.5")
    expect(senderAddress(request("127.0.0.1", "185.71.76.5"), oneHop)).toBe("185.71.76.5")
    // A public peer is no proxy of ours, whatever the count says.
    expect(senderAddress(request("198.51.100.7", "185.71.76.5"), oneHop)).toBe("198.51.100.7")
    // One hop only: a second private entry is not believed as a proxy.
    expect(senderAddress(request("172.18.0.4", "185.71.76.5, 10.0.0.9"), oneHop)).toBe("10.0.0.9")

    const twoProxies = compileProxyTrust({ trustedProxies: ["10.0.0.0/24"], trustedProxyHops: 2 })
    expect(senderAddress(request("10.0.0.2", "1.2.3.4, 185.71.76.5, 10.0.0.3"), twoProxies)).toBe("185.71.76.5")
    // Two proxies: the second entry from the right, even when what the client wrote looks private.
    expect(senderAddress(request("10.0.0.2", "185.71.76.5, 10.0.0.3, 10.0.0.4"), twoProxies)).toBe("10.0.0.3")
  })
})
