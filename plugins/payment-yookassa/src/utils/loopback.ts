import { isIP } from "node:net"

/** True when the URL points at this machine's loopback (the local Yookassa sandbox): 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "")
  } catch {
    return false
  }
  if (host === "localhost") {
    return true
  }
  if (isIP(host) === 4) {
    return host.startsWith("127.")
  }
  return isIP(host) === 6 && (host === "::1" || /^::ffff:127\./i.test(host) || /^::ffff:7f/i.test(host))
}
