#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark that can run unattended, one after another, then one table and
 * bench/results.json (each figure beside its baseline from the same run, the machine and its load).
 *
 * 1. Self-contained (each starts its own PostgreSQL, server or topology): catalog, the Mini App's
 *    store path against bare Medusa, the Yookassa webhook at 1 and at 50 concurrent purchases, the
 *    scale-out topology (click ingest included), click statistics.
 * 2. On a local store (`npm start`, started here and stopped at the end, unless BACKEND_URL already
 *    answers): login, click ingest, the Mini App in headless Chromium.
 *
 * Builds first (`--no-build` to skip). `--quick` shortens every run (a smoke test of the pipeline,
 * not figures to publish). A benchmark that fails is reported in the table and the run goes on.
 *
 *   npm run bench [-- --quick] [-- --no-build] [-- --only catalog,topology]
 */
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { ROOT } from "../topology/topology.mjs"
import { startLocalStore } from "./local-store.mjs"

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    only: { type: "string" },
  },
})
const quick = args.quick
const seconds = quick ? "2" : "10"

/** In order; `store: true` needs the local store. */
const BENCHMARKS = [
  { name: "catalog", args: ["catalog.mjs", "--seconds", seconds] },
  { name: "store-path", args: ["store-path.mjs", "--seconds", seconds, "--rounds", quick ? "2" : "15"] },
  { name: "yookassa-webhook-1", args: ["yookassa-webhook.mjs", quick ? "3" : "20", "1"] },
  { name: "yookassa-webhook-50", args: ["yookassa-webhook.mjs", quick ? "10" : "50", quick ? "10" : "50"] },
  { name: "topology", args: ["topology.mjs", "--seconds", seconds, "--click-events", quick ? "5000" : "50000"] },
  {
    name: "clicks-stats",
    args: [
      "clicks-stats.mjs",
      "--sizes",
      quick ? "100000" : "1000000",
      "--rounds",
      quick ? "3" : "20",
      "--raw-rounds",
      quick ? "1" : "5",
    ],
  },
  { name: "login", store: true, args: ["login.mjs", quick ? "20" : "200"] },
  {
    name: "clicks",
    store: true,
    args: [
      "clicks.mjs",
      ...(quick ? ["--batched", "5000", "--single", "500", "--rows", "100000", "--rounds", "3"] : []),
    ],
  },
  { name: "miniapp", store: true, args: ["miniapp.mjs", quick ? "1" : "5"] },
].filter((benchmark) => !args.only || args.only.split(",").includes(benchmark.name))

const say = (line) => process.stdout.write(`[bench] ${line}\n`)

function run(benchmark, env) {
  say(`${benchmark.name}: node scripts/bench/${benchmark.args.join(" ")}`)
  const begun = Date.now()
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "scripts", "bench", ...benchmark.args.slice(0, 1)), ...benchmark.args.slice(1)],
      {
        cwd: ROOT,
        env,
        stdio: "inherit",
      }
    )
    child.once("exit", (code, signal) =>
      done({ ok: code === 0, outcome: signal ?? `exit code ${code}`, seconds: (Date.now() - begun) / 1000 })
    )
  })
}

async function main() {
  if (!args["no-build"]) {
    say("building (npm run build)…")
    if (spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] }).status !== 0) {
      throw new Error("the build failed (npm run build)")
    }
  }
  const figuresDir = mkdtempSync(join(tmpdir(), "aistore-bench-"))
  const env = { ...process.env, BENCH_RESULTS_DIR: figuresDir }
  const runs = []
  const loadBefore = loadavg()
  let store
  try {
    for (const benchmark of BENCHMARKS) {
      if (benchmark.store && !store) {
        store = await startLocalStore({ say })
        Object.assign(env, store.env)
      }
      runs.push({ name: benchmark.name, ...(await run(benchmark, env)) })
    }
  } finally {
    await store?.stop()
  }
  const results = {
    at: new Date().toISOString(),
    quick,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 1e9),
      kernel: release(),
      node: process.version,
    },
    // The 1-minute load average before and after: on a shared machine, read the figures against it.
    load: { before: loadBefore[0], after: loadavg()[0] },
    runs,
    benchmarks: readdirSync(figuresDir).map((file) => JSON.parse(readFileSync(join(figuresDir, file), "utf8"))),
  }
  rmSync(figuresDir, { recursive: true, force: true })
  writeFileSync(join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n")
  printTable(results)
  if (runs.some((entry) => !entry.ok)) {
    process.exitCode = 1
  }
}

function printTable({ machine, load, runs, benchmarks }) {
  const number = (value) => (value >= 100 ? Math.round(value).toLocaleString("en") : value.toFixed(1))
  console.log(
    `\nAI Store benchmarks: ${machine.cpus} × ${machine.cpu}, load ${load.before.toFixed(1)} → ${load.after.toFixed(1)}${quick ? " (quick run)" : ""}`
  )
  console.log("benchmark".padEnd(20) + "figure".padEnd(72) + "value".padStart(16) + "   baseline")
  for (const { benchmark, figures } of benchmarks) {
    for (const figure of figures) {
      const baseline = figure.baseline
        ? `${number(figure.baseline.value)} ${figure.unit} (${figure.baseline.what})`
        : "—"
      console.log(
        benchmark.padEnd(20) +
          figure.what.slice(0, 70).padEnd(72) +
          `${number(figure.value)} ${figure.unit}`.padStart(16) +
          `   ${baseline}`
      )
    }
  }
  for (const entry of runs.filter((each) => !each.ok)) {
    console.log(
      `${entry.name.padEnd(20)}FAILED (${entry.outcome}) after ${entry.seconds.toFixed(0)} s: see its output above`
    )
  }
  console.log(
    `\nWritten to bench/results.json (runs took ${runs.map((entry) => `${entry.name} ${entry.seconds.toFixed(0)} s`).join(", ")})`
  )
}

main().catch((error) => {
  say(error.stack ?? String(error))
  process.exit(1)
})
