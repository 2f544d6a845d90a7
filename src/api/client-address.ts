import type { IncomingMessage } from "node:http"
import proxyaddr from "proxy-addr"

/** Proxies believed when only a hop count is configured: on loopback or a private network. */
const PRIVATE_NETWORKS = ["loopback", "linklocal", "uniquelocal"]

export type ProxyTrust = { trustedProxies: string[]; trustedProxyHops: number }

/**
 * The client's address, believing X-Forwarded-For only from the proxies TRUSTED_PROXIES and
 * TRUSTED_PROXY_HOPS name (Medusa's own `req.ip` believes the last entry from anyone, so a
 * client talking to the server directly could pick its address).
 */
export function clientAddress(request: IncomingMessage, { trustedProxies, trustedProxyHops }: ProxyTrust): string {
  const socket = request.socket.remoteAddress ?? "unknown"
  if (!trustedProxies.length && !trustedProxyHops) {
    return socket
  }
  const trusted = proxyaddr.compile(trustedProxies.length ? trustedProxies : PRIVATE_NETWORKS)
  try {
    return proxyaddr(request, (address, hop) => (!trustedProxyHops || hop < trustedProxyHops) && trusted(address, hop))
  } catch {
    // A malformed entry behind a trusted proxy: the proxy itself is all we know.
    return socket
  }
}
