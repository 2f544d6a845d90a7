#!/usr/bin/env node
/**
 * Looks at the admin pages this plugin adds, as a merchant would: signs in to a running store's
 * admin in headless Chromium, saves PNGs of the Analytics page (and of its empty state, for a
 * range with no events) and of a product page with the funnel widget, and downloads the CSV
 * export with the page's button (printing its name, size and header).
 *
 *   node plugins/click-tracking/scripts/admin-screenshots.mjs [out-dir=.]
 *
 * BACKEND_URL (default http://localhost:9000); ADMIN_EMAIL and ADMIN_PASSWORD, else the admin
 * that local mode (`npm start`) created, from the repository's .local/state.json.
 */
import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { chromium } from "playwright-core"

const BACKEND = process.env.BACKEND_URL ?? "http://localhost:9000"
const outDir = resolve(process.argv[2] ?? ".")
const localAdmin = () => {
  const state = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "..", ".local", "state.json"), "utf8"))
  return Object.entries(state).find(([key]) => key.startsWith("admin:"))?.[1]
}
const admin = process.env.ADMIN_EMAIL
  ? { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }
  : localAdmin()

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await page.goto(`${BACKEND}/app/login`)
  await page.fill('input[name="email"]', admin.email)
  await page.fill('input[name="password"]', admin.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"))

  await page.goto(`${BACKEND}/app/analytics`)
  await page.getByText("Top searches").waitFor()
  await page.waitForLoadState("networkidle")
  await page.screenshot({ path: join(outDir, "analytics.png"), fullPage: true })

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("Export CSV").click()])
  const csv = readFileSync(await download.path(), "utf8")
  console.log(
    `${download.suggestedFilename()}: ${csv.length} characters, ${csv.split("\r\n").length - 2} events; ${csv.split("\r\n")[0]}`
  )

  await page.fill("#analytics-from", "2020-01-01")
  await page.fill("#analytics-to", "2020-01-31")
  await page.getByText("No shopper activity in this range").waitFor()
  await page.screenshot({ path: join(outDir, "analytics-empty.png"), fullPage: true })

  const { products } = await page.evaluate(async () =>
    (await fetch("/admin/products?limit=1&fields=id", { credentials: "include" })).json()
  )
  await page.goto(`${BACKEND}/app/products/${products[0].id}`)
  const widget = page.getByText("Shopper funnel")
  await widget.waitFor()
  await page.waitForLoadState("networkidle")
  await widget.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(outDir, "product-funnel.png"), fullPage: true })
  console.log(`Saved analytics.png, analytics-empty.png and product-funnel.png in ${outDir}`)
} finally {
  await browser.close()
}
