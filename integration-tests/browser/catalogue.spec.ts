import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Browser } from "playwright-core"
import { prepareStore } from "../helpers/store-setup"
import { startStorefront } from "../helpers/storefront"
import { useEnvironment, workerPort } from "../helpers/test-environment"
import { launchUrl } from "./miniapp/launch"

jest.setTimeout(180_000)

// Fixed per jest worker: the backend's public URL (cover URLs) must be known before it boots.
const BACKEND_PORT = workerPort(19_100)
const STOREFRONT_PORT = workerPort(19_200)
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`
const STOREFRONT_URL = `http://localhost:${STOREFRONT_PORT}`

// The runner reads medusa-config before it applies its `env` option: the public URL goes in first.
useEnvironment({ MEDUSA_BACKEND_URL: BACKEND_URL })

medusaIntegrationTestRunner({
  inApp: true,
  env: { PORT: String(BACKEND_PORT) },
  testSuite: ({ getContainer }) => {
    let browser: Browser
    let stopStorefront: (() => Promise<void>) | undefined

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
      // The built Mini App, served as `npm start` serves it, proxying the backend paths.
      ;({ browser, stop: stopStorefront } = await startStorefront(STOREFRONT_PORT, BACKEND_URL))
    })

    afterAll(async () => {
      await stopStorefront?.()
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
