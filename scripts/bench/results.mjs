import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/**
 * Figures of one benchmark, for `npm run bench` (scripts/bench/all.mjs): when BENCH_RESULTS_DIR is
 * set, written there as <benchmark>.json. Each figure stands beside its baseline from the same run.
 *
 * @param {string} benchmark
 * @param {Array<{ what: string, value: number, unit: string, baseline?: { what: string, value: number } }>} figures
 */
export function recordFigures(benchmark, figures) {
  const dir = process.env.BENCH_RESULTS_DIR
  if (!dir) {
    return
  }
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${benchmark}.json`), JSON.stringify({ benchmark, figures }, null, 2) + "\n")
}

/** A figure and its baseline, both taken from rows found by `what`. */
export function versus(rows, what, baselineWhat, pick, unit) {
  const row = rows.find((entry) => entry.what === what)
  const base = rows.find((entry) => entry.what === baselineWhat)
  if (!row) {
    return []
  }
  return [{ what, value: pick(row), unit, baseline: base ? { what: baselineWhat, value: pick(base) } : undefined }]
}
