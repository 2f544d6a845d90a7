import { randomBytes, randomInt } from "node:crypto"

// Yookassa ids start with the seconds since 2000-01-01 UTC in hex ("2d8f…"), then a type marker
// (000f payments, 0015 refunds): the sandbox's ids look the same, so code that parses or logs them
// sees what production gives it.
const EPOCH_2000_MS = Date.UTC(2000, 0, 1)

function yookassaId(marker: string): string {
  const seconds = Math.floor((Date.now() - EPOCH_2000_MS) / 1000)
  const head = seconds.toString(16).padStart(8, "0")
  return `${head}-${marker}-5000-8000-${randomBytes(6).toString("hex")}`
}

export function newPaymentId(): string {
  return yookassaId("000f")
}

export function newRefundId(): string {
  return yookassaId("0015")
}

export function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join("")
}
