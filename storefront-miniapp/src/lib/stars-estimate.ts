/**
 * The cart's Stars price by the store's rate (`stars_rub_rate`), rounded up as the server rounds
 * it. An estimate: a variant's own Stars price wins on the server, and the invoice is exact.
 */
const MICRO = 1_000_000

export function estimateStars(total: number, rubPerStar: number | null): number | undefined {
  if (!rubPerStar || rubPerStar <= 0 || total <= 0) return undefined
  // In millionths, as the server counts, so 3990 / 1.6 is not 2493.7500000001.
  return Math.ceil(Math.round(total * MICRO) / Math.round(rubPerStar * MICRO))
}
