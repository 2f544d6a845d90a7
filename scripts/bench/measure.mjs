/** Milliseconds `fn` takes to settle. */
export async function time(fn) {
  const started = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - started) / 1e6
}

/** Median, 95th and 99th percentiles, mean and maximum of a list of timings (nearest-rank). */
export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), mean, max: sorted[sorted.length - 1] }
}
