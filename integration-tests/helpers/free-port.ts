import { readFileSync } from "node:fs"
import { createServer } from "node:net"

/** Where the tests' fixed ports sit (19xxx: doubles, 54330: PostgreSQL, 63xx: Redis): never chosen here. */
const RANGE = { from: 20_000, to: 32_000 }

/**
 * A port free now, for a process started later (a topology binds nginx a minute after choosing).
 * Not one the kernel hands out for outgoing connections (ip_local_port_range, 32768 and up on
 * Linux): a port from there can be taken by any connection in the meantime, and was (nginx: bind()
 * failed, address already in use). Random in the range, so parallel suites rarely ask for the same.
 */
export async function freePort(): Promise<number> {
  const [ephemeralFrom] = ephemeralRange()
  const to = Math.min(RANGE.to, ephemeralFrom - 1)
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = RANGE.from + Math.floor(Math.random() * (to - RANGE.from))
    if (await canListen(port)) {
      return port
    }
  }
  throw new Error(`no free port between ${RANGE.from} and ${to} after 100 tries`)
}

function ephemeralRange(): [number, number] {
  try {
    const [from, to] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number)
    return [from, to]
  } catch {
    return [32_768, 60_999]
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const server = createServer()
    server.once("error", () => answer(false))
    server.listen(port, () => server.close(() => answer(true)))
  })
}
