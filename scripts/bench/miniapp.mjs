#!/usr/bin/env node
/**
 * Mini App benchmark: a cheap phone in headless Chromium (4× CPU throttling, 390 × 844) on two
 * networks, Lighthouse's mobile profile (150 ms round trip, 1.6 Mbit/s down) and DevTools'
 * Fast 3G (562.5 ms, 180 KB/s), each page load with a cold cache:
 *   - navigation → first priced course card (the catalogue);
 *   - navigation → interactive Buy (a `startapp=course_<handle>` deep link);
 *   - Buy → checkout ready, and Pay → the payment page opened (typing left out).
 * Each beside its goal and its network floor measured in the same run and profile (the HTML
 * document, then the same requests with no JavaScript to run: config beside the catalogue or
 * the deep link's course), and the old chained floor (config, then the catalogue). Printed with
 * the built bundle's sizes, and any Content-Security-Policy violation the console reported.
 * Needs a running local store (`npm start`).
 *
 * What serves the Mini App (miniapp-server.mjs): by default what production serves, nginx with the
 * project's storefront-miniapp/nginx.conf in front of the local store's backend (BENCH_NGINX_PORT,
 * default 8090); `--server=preview` measures local mode's `vite preview` instead, for comparison.
 *
 *   node scripts/bench/miniapp.mjs [rounds=5] [--server=nginx|preview]
 *
 * STOREFRONT_URL (`npm start`'s Mini App, default http://localhost:5173) and MEDUSA_BACKEND_URL (its
 * backend, default http://localhost:$PORT or :9000) when `npm start` runs on other ports.
 */
import { readdirSync, readFileSync } from "node:fs"
import { request } from "node:http"
import { loadavg } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { sign } from "@telegram-apps/init-data-node"
import { chromium } from "playwright-core"
import { percentiles } from "./measure.mjs"
import { serveMiniApp } from "./miniapp-server.mjs"
import { recordFigures } from "./results.mjs"

const ROOT = join(import.meta.dirname, "..", "..")
const args = process.argv.slice(2)
const ROUNDS = Number(args.find((arg) => !arg.startsWith("--")) ?? 5)
const SERVER = args.find((arg) => arg.startsWith("--server="))?.slice("--server=".length) ?? "nginx"
if (!["nginx", "preview"].includes(SERVER)) throw new Error(`--server=${SERVER}: expected nginx or preview`)
const state = JSON.parse(readFileSync(join(ROOT, ".local", "state.json"), "utf8"))
const botToken = process.env.TELEGRAM_BOT_TOKEN ?? state.telegramBotToken
if (!botToken) throw new Error("Run `npm start` first: the benchmark signs in with the bot token local mode made.")

const PROFILES = [
  // Lighthouse's mobile throttling: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
  { name: "mobile (150 ms, 1.6 Mbit/s)", latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8 },
  // DevTools' "Fast 3G" (Chrome 120+): 562.5 ms RTT, 180 KB/s down, 84.375 KB/s up.
  { name: "Fast 3G (562.5 ms, 180 KB/s)", latency: 562.5, download: 180 * 1024, upload: 84.375 * 1024 },
]
const GOALS = { firstCard: [1000, 2000], buyInteractive: [1500, null] }
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/** Records, in page time (ms since navigation start), when the first priced card and an enabled Buy appear. */
const MARKERS = () => {
  const marks = (window.__bench = {})
  const check = () => {
    if (
      !marks.firstCard &&
      [...document.querySelectorAll('[data-testid="course-price"]')].some((node) => /₽/.test(node.textContent))
    ) {
      marks.firstCard = performance.now()
    }
    const button = document.querySelector('[data-testid="main-button"]')
    if (!marks.buy && button && !button.hidden && !button.disabled && /Купить|Buy/.test(button.textContent))
      marks.buy = performance.now()
    // Checkout is drawn: Pay shows (disabled until the e-mail and consent are given).
    if (!marks.pay && button && !button.hidden && /Оплатить|Pay/.test(button.textContent)) marks.pay = performance.now()
  }
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  })
  // One console line per violation, whatever Chromium itself prints (the console is read below).
  document.addEventListener("securitypolicyviolation", (event) =>
    console.error(`Content-Security-Policy: ${event.violatedDirective} ${event.blockedURI}`)
  )
}

let shopperId = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 10
function launchUrl(startParam) {
  const user = { id: shopperId++, first_name: "Bench", language_code: "ru", allows_write_to_pm: true }
  const initData = sign(
    { user, chat_type: "sender", ...(startParam ? { start_param: startParam } : {}) },
    botToken,
    new Date()
  )
  const params = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: "android",
    tgWebAppThemeParams: JSON.stringify({
      bg_color: "#ffffff",
      text_color: "#000000",
      button_color: "#2481cc",
      button_text_color: "#ffffff",
      secondary_bg_color: "#efeff3",
    }),
    ...(startParam ? { tgWebAppStartParam: startParam } : {}),
  })
  return `${STOREFRONT}/#${params}`
}

/** What the console said about the Content-Security-Policy, over every page load. */
const cspViolations = new Set()

async function throttledPage(browser, profile, { bypassCSP = false } = {}) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    bypassCSP,
  })
  await context.addInitScript(MARKERS)
  const page = await context.newPage()
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.add(message.text())
  })
  const cdp = await context.newCDPSession(page)
  await cdp.send("Network.enable")
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true })
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.download,
    uploadThroughput: profile.upload,
  })
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 })
  return { page, close: () => context.close() }
}

const mark = (page, name) =>
  page.waitForFunction((key) => window.__bench?.[key], name, { timeout: 60_000, polling: 50 })

async function firstCard(browser, profile) {
  const { page, close } = await throttledPage(browser, profile)
  await page.goto(launchUrl())
  const value = await (await mark(page, "firstCard")).jsonValue()
  await close()
  return value
}

/** A course deep link, cold: navigation → Buy enabled; then Buy → checkout's Pay, Pay → payment page. */
async function purchase(browser, profile, handle) {
  const { page, close } = await throttledPage(browser, profile)
  await page.goto(launchUrl(`course_${handle}`))
  const buy = await (await mark(page, "buy")).jsonValue()
  const tappedBuy = await page.evaluate(() => performance.now())
  await page.locator('[data-testid="main-button"]').click()
  await page.locator('[data-testid="email"]').waitFor({ timeout: 60_000 })
  const checkout = await (await mark(page, "pay")).jsonValue() // Pay drawn (disabled until the form is filled)
  await page.locator('[data-testid="email"]').fill("bench@example.ru")
  await page.locator('[data-testid="consent"]').check()
  await page.waitForFunction(() => !document.querySelector('[data-testid="main-button"]').disabled, null, {
    timeout: 60_000,
  })
  const started = Date.now()
  await Promise.all([
    page.waitForURL(/\/checkout\//, { timeout: 60_000, waitUntil: "load" }),
    page.locator('[data-testid="main-button"]').click(),
  ])
  const toPayment = Date.now() - started
  await close()
  return { buy, checkout: checkout - tappedBuy, toPayment }
}

/**
 * The network floors, with no JavaScript to run: a document (the HTML's round trip), then the
 * first screen's requests, each as the app makes them now (config beside the key-less
 * catalogue, or beside a deep link's course) and as it made them before (config, then the
 * catalogue with its key), for comparison.
 */
const FLOORS = {
  chain: async ({ origin }) => {
    const config = await (await fetch(`${origin}/storefront/config`, { cache: "no-store" })).json()
    await (
      await fetch(`${origin}/store/catalog?locale=ru-RU`, {
        headers: { "x-publishable-api-key": config.publishable_key, "x-medusa-locale": "ru-RU" },
      })
    ).json()
  },
  catalogue: ({ origin }) =>
    Promise.all(
      [`${origin}/storefront/config`, `${origin}/storefront/catalog?locale=ru-RU`].map((url) =>
        fetch(url, { cache: "no-store" }).then((r) => r.json())
      )
    ),
  course: ({ origin, handle }) =>
    Promise.all(
      [`${origin}/storefront/config`, `${origin}/storefront/catalog/courses/${handle}?locale=ru-RU`].map((url) =>
        fetch(url, { cache: "no-store" }).then((r) => r.json())
      )
    ),
}

async function floor(browser, profile, kind, handle) {
  // The document is a JSON answer, whose CSP (behind nginx) allows no fetch: the floor measures the network only.
  const { page, close } = await throttledPage(browser, profile, { bypassCSP: true })
  await page.goto(`${STOREFRONT}/storefront/config`)
  await page.evaluate(FLOORS[kind], { origin: STOREFRONT, handle })
  const value = await page.evaluate(() => performance.now())
  await close()
  return value
}

function bundleSizes() {
  const dist = join(ROOT, "storefront-miniapp", "dist")
  const html = readFileSync(join(dist, "index.html"), "utf8")
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]))
  const files = readdirSync(join(dist, "assets")).filter((name) => /\.(js|css)$/.test(name))
  const rows = files.map((name) => {
    const body = readFileSync(join(dist, "assets", name))
    return {
      file: `assets/${name}`,
      raw: body.length,
      gzip: gzipSync(body).length,
      initial: initial.has(`assets/${name}`),
    }
  })
  return rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip)
}

/** Bytes on the wire of one answer, compressed as the server sends it to Chromium. */
function wireBytes(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } }, (response) => {
      let bytes = 0
      response.on("data", (chunk) => (bytes += chunk.length))
      response.on("end", () => resolve(bytes))
    })
    req.on("error", reject)
    req.end()
  })
}

const ms = (value) => (value == null ? "—" : `${Math.round(value)} ms`)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(", ")
const served = await serveMiniApp({
  server: SERVER,
  root: ROOT,
  previewUrl: process.env.STOREFRONT_URL ?? "http://localhost:5173",
  backendUrl: process.env.MEDUSA_BACKEND_URL ?? `http://localhost:${process.env.PORT ?? 9000}`,
  nginxPort: Number(process.env.BENCH_NGINX_PORT ?? 8090),
})
const STOREFRONT = served.url
const browser = await chromium
  .launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS })
  .catch(async (error) => {
    await served.stop()
    throw error
  })
try {
  const catalog = await (await fetch(`${STOREFRONT}/storefront/config`)).json()
  const { courses } = await (
    await fetch(`${STOREFRONT}/store/catalog?locale=ru-RU`, {
      headers: { "x-publishable-api-key": catalog.publishable_key },
    })
  ).json()
  if (courses.length < ROUNDS * PROFILES.length + 1) throw new Error("Not enough courses to buy a fresh one per round")
  let next = 0

  const figures = []
  if (served.note) console.log(`NOTE: ${served.note}`)
  console.log(`Mini App at ${STOREFRONT}, served by ${served.label}`)
  console.log(`${ROUNDS} cold loads per figure, 4× CPU throttling, 390 × 844; load average ${load()}\n`)
  for (const [index, profile] of PROFILES.entries()) {
    const results = {
      chain: [],
      catalogueFloor: [],
      courseFloor: [],
      firstCard: [],
      buy: [],
      checkout: [],
      toPayment: [],
    }
    await firstCard(browser, profile) // warm the server's caches, not the browser's
    for (let round = 0; round < ROUNDS; round++) {
      const handle = courses[next++ % courses.length].handle
      results.chain.push(await floor(browser, profile, "chain"))
      results.catalogueFloor.push(await floor(browser, profile, "catalogue"))
      results.courseFloor.push(await floor(browser, profile, "course", handle))
      results.firstCard.push(await firstCard(browser, profile))
      const bought = await purchase(browser, profile, handle)
      results.buy.push(bought.buy)
      results.checkout.push(bought.checkout)
      results.toPayment.push(bought.toPayment)
    }
    const median = (samples) => percentiles(samples).median
    const row = (label, samples, goal, floorSamples) => {
      const { median, p95 } = percentiles(samples)
      const floorText = floorSamples ? ms(percentiles(floorSamples).median) : ""
      const verdict = goal ? (median <= goal ? "met" : "missed") : ""
      return `  ${label.padEnd(42)} ${ms(median).padStart(8)} ${ms(p95).padStart(8)} ${(goal ? `≤ ${ms(goal)}` : "").padStart(10)} ${floorText.padStart(8)}  ${verdict}`
    }
    console.log(`${profile.name.padEnd(44)}   median      p95       goal    floor`)
    console.log(
      row("navigation → first priced course card", results.firstCard, GOALS.firstCard[index], results.catalogueFloor)
    )
    console.log(
      row("navigation → interactive Buy (deep link)", results.buy, GOALS.buyInteractive[index], results.courseFloor)
    )
    console.log(row("Buy → checkout ready", results.checkout))
    console.log(row("Pay → payment page loaded", results.toPayment))
    console.log(
      `  floors (no script): HTML → config ∥ catalogue ${ms(median(results.catalogueFloor))}, HTML → config ∥ course ${ms(median(results.courseFloor))};`
    )
    console.log(`  the chain the app had before, HTML → config → catalogue: ${ms(median(results.chain))}`)
    figures.push(
      {
        what: `${profile.name}: navigation → first priced course card, median`,
        value: median(results.firstCard),
        unit: "ms",
        baseline: { what: "network floor, HTML → config ∥ catalogue", value: median(results.catalogueFloor) },
      },
      {
        what: `${profile.name}: navigation → interactive Buy, median`,
        value: median(results.buy),
        unit: "ms",
        baseline: { what: "network floor, HTML → config ∥ course", value: median(results.courseFloor) },
      }
    )
    console.log("")
  }

  const sizes = bundleSizes()
  const initial = sizes.filter((row) => row.initial)
  console.log("Bundle (storefront-miniapp/dist), gzip:")
  for (const row of sizes)
    console.log(`  ${row.initial ? "initial " : "lazy    "} ${row.file.padEnd(42)} ${kb(row.gzip).padStart(9)}`)
  const initialBytes = initial.reduce((sum, row) => sum + row.gzip, 0)
  console.log(`  initial JS + CSS: ${kb(initialBytes)} (budget 90 KB)`)
  figures.push({
    what: "Mini App initial JS + CSS, gzip",
    value: initialBytes / 1024,
    unit: "KB",
    baseline: { what: "budget", value: 90 },
  })
  const onWire = async (path) => kb(await wireBytes(`${STOREFRONT}${path}`))
  const initialServed = (await Promise.all(initial.map((row) => wireBytes(`${STOREFRONT}/${row.file}`)))).reduce(
    (sum, bytes) => sum + bytes,
    0
  )
  console.log(
    `  as this server sends them: initial JS + CSS ${kb(initialServed)}, index.html ${await onWire("/")}, ` +
      `config ${await onWire("/storefront/config")}, catalogue ${await onWire("/storefront/catalog?locale=ru-RU")}`
  )
  console.log(`\nContent-Security-Policy violations in the console: ${cspViolations.size ? "" : "none"}`)
  for (const text of cspViolations) console.log(`  ${text}`)
  console.log(`Load average at the end: ${load()}`)
  recordFigures("miniapp", figures)
} finally {
  await browser.close()
  await served.stop()
}
