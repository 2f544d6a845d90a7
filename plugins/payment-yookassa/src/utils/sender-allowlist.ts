import { BlockList, isIP } from "node:net"
import type { IncomingMessage } from "node:http"
import proxyaddr from "proxy-addr"

/** Proxies believed when only a hop count is configured: on loopback or a private network. */
const PRIVATE_NETWORKS = ["loopback", "linklocal", "uniquelocal"]

export type ProxyTrust = { trustedProxies: string[]; trustedProxyHops: number }

/**
 * Which peers are trusted proxies, as proxy-addr (Express's `trust proxy`) asks: an
 * X-Forwarded-For entry is only believed when the peer that handed it over is one.
 * `trustedProxies` lists their addresses or ranges; `trustedProxyHops` caps how many are
 * believed in a row (0: no cap), and alone trusts up to that many proxies on loopback or
 * private networks. Neither: nobody, and the socket's own peer is the sender.
 */
export function compileProxyTrust({
  trustedProxies,
  trustedProxyHops,
}: ProxyTrust): (address: string, hop: number) => boolean {
  if (!trustedProxies.length && !trustedProxyHops) {
    return () => false
  }
  const trusted = proxyaddr.compile(trustedProxies.length ? trustedProxies : PRIVATE_NETWORKS)
  return (address, hop) => (!trustedProxyHops || hop < trustedProxyHops) && trusted(address, hop)
}

/**
 * Who sent a webhook: the socket's peer, or, while that peer is a trusted proxy, the address
 * it put in X-Forwarded-For, and so on leftwards. Anything a client wrote proves nothing.
 */
export function senderAddress(
  request: Pick<IncomingMessage, "socket" | "headers">,
  trust: (address: string, hop: number) => boolean
): string | undefined {
  if (!normalise(request.socket.remoteAddress)) {
    return undefined
  }
  try {
    return normalise(proxyaddr(request as IncomingMessage, trust))
  } catch {
    // A malformed X-Forwarded-For entry behind a trusted proxy.
    return undefined
  }
}

function normalise(address: string | undefined): string | undefined {
  if (!address) {
    return undefined
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  const plain = mapped ? mapped[1] : address
  return isIP(plain) ? plain : undefined
}

export class SenderAllowlist {
  private readonly list = new BlockList()

  constructor(ranges: string[], allowLoopback: boolean) {
    for (const range of ranges) {
      const [address, prefix] = range.split("/")
      const family = isIP(address) === 6 ? "ipv6" : "ipv4"
      if (!isIP(address)) {
        throw new Error(`Not an IP address or range: "${range}"`)
      }
      this.list.addSubnet(address, prefix === undefined ? (family === "ipv6" ? 128 : 32) : Number(prefix), family)
    }
    if (allowLoopback) {
      this.list.addSubnet("127.0.0.0", 8, "ipv4")
      this.list.addAddress("::1", "ipv6")
    }
  }

  allows(address: string | undefined): boolean {
    if (!address) {
      return false
    }
    return this.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4")
  }
}
