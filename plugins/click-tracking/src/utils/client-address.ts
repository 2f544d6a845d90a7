import type { MedusaRequest } from "@medusajs/framework/http"

/**
 * The client's address, believing X-Forwarded-For only as far as `trustedProxyHops` proxies
 * vouch for it: each trusted proxy appends the address it saw, so the client is that many
 * entries from the right of [...forwarded, socket]. A header nobody trusted is never read.
 */
export function clientAddress(req: MedusaRequest, trustedProxyHops: number): string {
  const socket = req.socket.remoteAddress ?? "unknown"
  if (!trustedProxyHops) {
    return socket
  }
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
  const chain = [...forwarded, socket]
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)]
}
