import { randomBytes } from "node:crypto"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * `count` ids shaped like Medusa's `generateEntityId` (`<prefix>_` + a 26-character ULID: 48 bits
 * of time, 80 random), from a single read of the random source. `generateEntityId` reads it once per
 * character, which for a batch of a hundred events was a fifth of the ingest route's CPU time.
 */
export function entityIds(prefix: string, count: number, now = Date.now()): string[] {
  let time = ""
  for (let rest = now, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) {
    time = CROCKFORD[rest % 32] + time
  }
  const random = randomBytes(count * 16)
  return Array.from({ length: count }, (_, n) => {
    let id = `${prefix}_${time}`
    for (let i = 0; i < 16; i++) {
      // 256 is a multiple of 32: each byte gives five even bits.
      id += CROCKFORD[random[n * 16 + i] & 31]
    }
    return id
  })
}
