import { BlockList, isIP } from "node:net"
import type { IncomingMessage } from "node:http"

/**
 * Who sent a webhook, counting only the reverse proxies we were told to trust.
 * With 0 hops it is the socket's own peer; with N hops it is the N-th address from the
 * right of X-Forwarded-For (each trusted proxy appends the address it saw). Anything
 * further left was written by the client and proves nothing.
 */
export function senderAddress(request: Pick<IncomingMessage, "socket" | "headers">, trustedProxyHops: number): string | undefined {
  const peer = normalise(request.socket.remoteAddress)
  if (trustedProxyHops === 0) {
    return peer
  }
  const header = request.headers["x-forwarded-for"]
  const chain = (Array.isArray(header) ? header.join(",") : header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
  // Fewer entries than trusted hops: the request did not come through every proxy.
  const candidate = chain[chain.length - trustedProxyHops]
  return candidate ? normalise(candidate) : undefined
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
