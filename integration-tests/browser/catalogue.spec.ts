import { spawn, type ChildProcess } from "node:child_process"
import { join } from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { chromium, type Browser } from "playwright-core"
import { prepareStore } from "../helpers/store-setup"
import { launchUrl } from "./miniapp/launch"

jest.setTimeout(180_000)

const ROOT = join(__dirname, "..", "..")
// Fixed per jest worker: the backend's public URL (cover URLs) must be known before it boots.
const worker = Number(process.env.JEST_WORKER_ID ?? 1)
const BACKEND_PORT = 19_100 + worker
const STOREFRONT_PORT = 19_200 + worker
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`
const STOREFRONT_URL = `http://localhost:${STOREFRONT_PORT}`
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
]

async function waitFor(url: string, deadlineMs: number) {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) {
      return
    }
    await new Promise((wake) => setTimeout(wake, 250))
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms`)
}

// The runner reads medusa-config before it applies its `env` option, so the public URL goes
// into process.env first (and is taken back after, as jest runs the suites in one process).
const previousBackendUrl = process.env.MEDUSA_BACKEND_URL
process.env.MEDUSA_BACKEND_URL = BACKEND_URL
afterAll(() => {
  if (previousBackendUrl === undefined) {
    delete process.env.MEDUSA_BACKEND_URL
  } else {
    process.env.MEDUSA_BACKEND_URL = previousBackendUrl
  }
})

medusaIntegrationTestRunner({
  inApp: true,
  env: { PORT: String(BACKEND_PORT) },
  testSuite: ({ getContainer }) => {
    let preview: ChildProcess
    let browser: Browser

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
      // The built Mini App, served as `npm start` serves it, proxying the backend paths.
      preview = spawn(
        join(ROOT, "node_modules", ".bin", "vite"),
        ["preview", "--port", String(STOREFRONT_PORT), "--strictPort"],
        { cwd: join(ROOT, "storefront-miniapp"), env: { ...process.env, MEDUSA_BACKEND_PROXY: BACKEND_URL }, stdio: "ignore" }
      )
      await waitFor(STOREFRONT_URL, 30_000)
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS })
    })

    afterAll(async () => {
      await browser?.close()
      preview?.kill("SIGTERM")
    })

    it("shows the seeded courses with their covers and rouble prices on a phone screen", async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
      const failedRequests: string[] = []
      page.on("requestfailed", (request) => failedRequests.push(request.url()))

      // Opened as Telegram opens it: signed launch parameters in the hash.
      await page.goto(launchUrl(STOREFRONT_URL, { id: 700_000_000, first_name: "Тест", language_code: "ru" }))
      await page.locator('[data-testid="catalogue"][data-state="ready"]').waitFor({ timeout: 30_000 })

      const cards = page.locator('[data-testid="course-card"]')
      expect(await cards.count()).toBeGreaterThanOrEqual(10)
      const titles = await page.locator('[data-testid="course-title"]').allTextContents()
      expect(titles.every((title) => title.trim().length > 0)).toBe(true)
      const prices = await page.locator('[data-testid="course-price"]').allTextContents()
      expect(prices.every((price) => /^\d[\d\s\u00a0\u202f]*\s?₽$/.test(price.trim()))).toBe(true)

      // The first covers load from the file provider, as the shopper sees them.
      const firstCover = cards.first().locator("img")
      await firstCover.waitFor()
      await page.waitForFunction(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        await firstCover.elementHandle(),
        { timeout: 15_000 }
      )
      expect(await firstCover.getAttribute("src")).toMatch(new RegExp(`^${BACKEND_URL}/static/.+\\.png$`))
      expect(failedRequests).toEqual([])
      await page.close()
    })
  },
})
