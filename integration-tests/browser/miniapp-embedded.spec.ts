import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Browser } from "playwright-core"
import { useBotApiDouble } from "../helpers/bot-api"
import { useEnvironment, workerPort } from "../helpers/test-environment"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { prepareStore } from "../helpers/store-setup"
import { launchUrl, mainButton, type Shopper } from "./miniapp/launch"
import { startStorefront } from "../helpers/storefront"

jest.setTimeout(240_000)

/**
 * The store set to Yookassa's embedded confirmation: the shopper pays in the checkout widget
 * drawn inside the Mini App (the sandbox's stand-in for yookassa.ru's script, same API).
 */
const BACKEND_PORT = workerPort(19_200)
const STOREFRONT_PORT = workerPort(19_250)
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`
const STOREFRONT_URL = `http://localhost:${STOREFRONT_PORT}`

useEnvironment({ MEDUSA_BACKEND_URL: BACKEND_URL })
const yookassa = useYookassaSandbox(19_900, {
  YOOKASSA_RETURN_URL: `${STOREFRONT_URL}/`,
  YOOKASSA_CONFIRMATION_TYPE: "embedded",
})
useBotApiDouble(19_950)

let nextTelegramId = 760_000_001
const newShopper = (): Shopper => ({ id: nextTelegramId++, first_name: "Тест", language_code: "ru" })

medusaIntegrationTestRunner({
  inApp: true,
  env: { PORT: String(BACKEND_PORT) },
  testSuite: ({ getContainer, api }) => {
    let browser: Browser
    let stopStorefront: () => Promise<void>
    let handles: string[]

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
      yookassa.sandbox().setWebhookUrl(`${BACKEND_URL}/hooks/payment/yookassa_yookassa`)
      const config = (await api.get("/storefront/config")).data
      const { courses } = (
        await api.get("/store/catalog", { headers: { "x-publishable-api-key": config.publishable_key } })
      ).data
      handles = (courses as { handle: string }[]).map((course) => course.handle)
      ;({ browser, stop: stopStorefront } = await startStorefront(STOREFRONT_PORT, BACKEND_URL))
    })

    afterAll(async () => {
      await stopStorefront?.()
    })

    /** A course deep link → Buy → checkout → Pay: the order page draws the widget. */
    async function toWidget(handle: string) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
      await page.goto(launchUrl(STOREFRONT_URL, newShopper(), { startParam: `course_${handle}` }))
      await (await mainButton(page, /Купить за/)).click()
      await page.locator('[data-testid="checkout"]').waitFor()
      await page.locator('[data-testid="email"]').fill("buyer@example.ru")
      await page.locator('[data-testid="consent"]').check()
      const cartId = (await page.locator('[data-testid="checkout"]').getAttribute("data-cart-id"))!
      await (await mainButton(page, /Оплатить \d/)).click()
      await page
        .locator('[data-testid="order-page"][data-state="waiting"] [data-testid="yookassa-widget"]')
        .waitFor({ timeout: 30_000 })
      return { page, cartId }
    }

    const paymentsOfCart = (cartId: string) =>
      yookassa
        .sandbox()
        .payments()
        .filter((payment) => payment.metadata?.cart_id === cartId)

    it("pays in the embedded widget without leaving the app: the widget returns to the order, which succeeds", async () => {
      const { page, cartId } = await toWidget(handles[0])
      // The widget is drawn in the app, from the sandbox's script, with the embedded payment's amount.
      expect(page.url().startsWith(STOREFRONT_URL)).toBe(true)
      const [payment] = paymentsOfCart(cartId)
      expect(payment.confirmation).toMatchObject({ type: "embedded" })
      expect(await page.locator('[data-testid="yookassa-widget"]').textContent()).toContain("₽")

      await page.locator('[data-testid="yookassa-widget-pay"]').click()
      await page.locator('[data-testid="order-page"][data-state="success"]').waitFor({ timeout: 30_000 })
      expect(page.url()).toContain(`startapp=order_${cartId}`)
      expect(paymentsOfCart(cartId)).toHaveLength(1)
      expect(yookassa.sandbox().payment(payment.id)?.status).toBe("succeeded")
      await page.close()
    })

    it("a decline in the widget shows its reason and Pay again", async () => {
      const { page, cartId } = await toWidget(handles[1])
      await page.locator('[data-testid="yookassa-widget-decline"]').click()
      await page.locator('[data-testid="order-page"][data-state="declined"]').waitFor({ timeout: 30_000 })
      expect(await page.locator('[data-testid="order-declined"]').textContent()).toContain("Недостаточно средств")
      await mainButton(page, /Оплатить снова/)
      expect(paymentsOfCart(cartId).map((payment) => payment.status)).toEqual(["canceled"])
      await page.close()
    })
  },
})
