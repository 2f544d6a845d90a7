import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Browser, Page } from "playwright-core"
import { readEnvironment } from "../../src/config/environment"
import syncPaymentMethods from "../../src/migration-scripts/sync-payment-methods"
import { saveCourseAccessConfigWorkflow } from "../../plugins/course-access/src/workflows/save-course-access-config"
import { ADMIN_CHAT_ID, useBotApiDouble } from "../helpers/bot-api"
import { useEnvironment, workerPort } from "../helpers/test-environment"
import { until } from "../helpers/until"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { prepareStore } from "../helpers/store-setup"
import { DARK_THEME, launchUrl, LIGHT_THEME, mainButton, MAIN_BUTTON, type Shopper } from "./miniapp/launch"
import { startStorefront } from "../helpers/storefront"

jest.setTimeout(240_000)

const BACKEND_PORT = workerPort(19_800)
const STOREFRONT_PORT = workerPort(19_850)
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`
const STOREFRONT_URL = `http://localhost:${STOREFRONT_PORT}`
/** Set to a folder (docs/screenshots) to save the main screens there. */
const SCREENSHOTS = process.env.MINIAPP_SCREENSHOTS_DIR
const ACCESS_URL = "https://learn.example.com/course"

// The runner reads medusa-config before its own `env`: the public URL and the return URL go in first.
useEnvironment({ MEDUSA_BACKEND_URL: BACKEND_URL })
const yookassa = useYookassaSandbox(19_900, { YOOKASSA_RETURN_URL: `${STOREFRONT_URL}/` })
const bot = useBotApiDouble(19_950)

let nextTelegramId = 700_000_001
const newShopper = (language_code: "ru" | "en" = "ru"): Shopper => ({
  id: nextTelegramId++,
  first_name: "Тест",
  language_code,
})

async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { PORT: String(BACKEND_PORT) },
  testSuite: ({ getContainer, dbConnection }) => {
    let browser: Browser
    let stopStorefront: () => Promise<void>
    let courses: { id: string; handle: string; title: string }[]

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: true })
      // Yookassa and Telegram Stars, as PAYMENT_METHODS' default offers them.
      await syncPaymentMethods({ container, args: [] })
      yookassa.sandbox().setWebhookUrl(`${BACKEND_URL}/hooks/payment/yookassa_yookassa`)
      // The double plays the shopper paying a Stars invoice for the stand-in client, as in local mode.
      bot
        .api()
        .setStoreWebhook({ url: `${BACKEND_URL}/hooks/telegram`, secret: readEnvironment().telegram.webhookSecret })
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product",
        fields: ["id", "handle", "title"],
        pagination: { order: { created_at: "ASC" } },
      })
      courses = data as typeof courses
      for (const course of courses) {
        await saveCourseAccessConfigWorkflow(container).run({
          input: {
            product_id: course.id,
            access_url: `${ACCESS_URL}/${course.handle}`,
            telegram_chat_id: null,
            instructions: null,
          },
        })
      }
      ;({ browser, stop: stopStorefront } = await startStorefront(STOREFRONT_PORT, BACKEND_URL, bot.api().url))
    })

    afterAll(async () => {
      await stopStorefront?.()
    })

    async function open(shopper: Shopper, options: { theme?: Record<string, string>; startParam?: string } = {}) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })
      await page.goto(launchUrl(STOREFRONT_URL, shopper, options))
      return page
    }

    /** From the course page: Buy, then checkout with an e-mail and consent, up to the MainButton's Pay. */
    async function buyToCheckout(page: Page) {
      await (await mainButton(page, /Купить за|Buy for/)).click()
      await page.locator('[data-testid="checkout"]').waitFor()
      await page.locator('[data-testid="email"]').fill("buyer@example.ru")
      await page.locator('[data-testid="consent"]').check()
      return mainButton(page, /Оплатить \d|Pay \d/)
    }

    const paymentsOfCart = (cartId: string) =>
      yookassa
        .sandbox()
        .payments()
        .filter((payment) => payment.metadata?.cart_id === cartId)

    it("buys a course: catalogue → course → Buy → pay in the sandbox → success → My courses; the merchant and the buyer are told", async () => {
      const shopper = newShopper()
      const page = await open(shopper)
      await page.locator('[data-testid="catalogue"][data-state="ready"]').waitFor({ timeout: 30_000 })
      const prices = await page.locator('[data-testid="course-price"]').allTextContents()
      expect(prices.every((price) => /^\d[\d\s\u00a0\u202f]*\s?₽$/.test(price.trim()))).toBe(true)
      await screenshot(page, "catalogue-light")

      const course = courses[0]
      await page.locator(`[data-testid="course-card"][data-handle="${course.handle}"]`).click()
      await page.locator('[data-testid="course-page"]').waitFor()
      await page.locator('[data-testid="outcomes"]').waitFor()
      await mainButton(page, /^Купить за \d[\d\s]*\s₽$/)
      expect(await page.locator('[data-testid="back-button"]').isVisible()).toBe(true)
      await screenshot(page, "course-light")

      const pay = await buyToCheckout(page)
      const cartId = (await page.locator('[data-testid="checkout"]').getAttribute("data-cart-id"))!
      await screenshot(page, "checkout-light")
      await pay.click()

      // The sandbox's payment page opens (in this tab, as the stand-in client opens links).
      await page.waitForURL(/\/checkout\//, { timeout: 30_000 })
      await page.locator("button.pay").click()
      await page.waitForURL(new RegExp(`^${STOREFRONT_URL}`))
      await page.locator('[data-testid="order-page"][data-state="success"]').waitFor({ timeout: 30_000 })
      expect(await page.locator("html").getAttribute("data-last-haptic")).toBe("success")
      await screenshot(page, "order-success-light")

      await (await mainButton(page, /Открыть курс/)).click()
      await page.locator(`[data-testid="owned-course"][data-product-id="${course.id}"]`).waitFor({ timeout: 15_000 })
      expect(await page.locator('[data-testid="order-row"]').count()).toBe(1)
      // My courses has no primary action: the status page's MainButton went with it.
      await page.locator(MAIN_BUTTON).waitFor({ state: "hidden" })
      await screenshot(page, "my-courses-light")

      expect(paymentsOfCart(cartId)).toHaveLength(1)
      const toBuyer = await until(
        () => bot.api().delivered.find((message) => String(message.chatId) === String(shopper.id)),
        "the buyer's course message"
      )
      expect(toBuyer.text).toContain(course.title)
      expect(toBuyer.text).toContain(`${ACCESS_URL}/${course.handle}`)
      await until(
        () => bot.api().delivered.find((message) => String(message.chatId) === ADMIN_CHAT_ID),
        "the merchant's sale message"
      )

      // The shopper's steps reached analytics (flushed with keepalive as the payment page opened), as theirs.
      await until(async () => {
        const { rows } = await dbConnection.raw(
          `SELECT DISTINCT type FROM click_event WHERE customer_id IS NOT NULL AND (product_id = ? OR details->>'cart_id' = ?)`,
          [course.id, cartId]
        )
        const types = (rows as { type: string }[]).map((row) => row.type)
        return ["product_view", "add_to_cart", "checkout_start", "payment_start"].every((type) => types.includes(type))
          ? types
          : undefined
      }, "the shopper's analytics events")

      // The catalogue now marks the course as owned, and its page offers it instead of Buy.
      await page.locator('[data-testid="back-button"]').click()
      await page.locator(`[data-testid="course-card"][data-handle="${course.handle}"]`).getByText("Куплен").waitFor()
      await page.close()
    })

    it("a declined payment shows its reason and Pay again; paying again succeeds", async () => {
      const course = courses[1]
      const page = await open(newShopper(), { startParam: `course_${course.handle}` })
      await page.locator(`[data-testid="course-page"][data-handle="${course.handle}"]`).waitFor({ timeout: 30_000 })
      await (await buyToCheckout(page)).click()
      await page.waitForURL(/\/checkout\//, { timeout: 30_000 })
      await page.locator("button.decline").click()
      await page.waitForURL(new RegExp(`^${STOREFRONT_URL}`))
      await page.locator('[data-testid="order-page"][data-state="declined"]').waitFor({ timeout: 30_000 })
      expect(await page.locator('[data-testid="order-declined"]').textContent()).toContain("Недостаточно средств")
      await screenshot(page, "order-declined-light")

      await (await mainButton(page, /Оплатить снова/)).click()
      await page.locator('[data-testid="checkout"]').waitFor()
      await page.locator('[data-testid="consent"]').check()
      await (await mainButton(page, /Оплатить \d/)).click()
      await page.waitForURL(/\/checkout\//, { timeout: 30_000 })
      await page.locator("button.pay").click()
      await page.locator('[data-testid="order-page"][data-state="success"]').waitFor({ timeout: 30_000 })
      await page.close()
    })

    it("a course deep link asks for its course once, beside the config and not after it, and its page draws from that answer", async () => {
      const course = courses[5]
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
      const asked: string[] = []
      page.on("request", (request) => {
        const { pathname } = new URL(request.url())
        if (pathname.startsWith("/store") || pathname.startsWith("/storefront")) asked.push(pathname)
      })
      await page.goto(launchUrl(STOREFRONT_URL, newShopper(), { startParam: `course_${course.handle}` }))
      await page.locator('[data-testid="outcomes"]').waitFor({ timeout: 30_000 })
      await mainButton(page, /^Купить за \d[\d\s]*\s₽$/)
      // The key-less course request needs no config answer first; nothing asks for the course again.
      expect(asked.filter((path) => path.includes("/catalog/courses/"))).toEqual([
        `/storefront/catalog/courses/${course.handle}`,
      ])
      expect(asked.indexOf(`/storefront/catalog/courses/${course.handle}`)).toBeLessThan(2)
      await page.close()
    })

    it("a double tap on Pay starts one payment", async () => {
      const course = courses[2]
      const page = await open(newShopper(), { startParam: `course_${course.handle}` })
      await page.locator(`[data-testid="course-page"][data-handle="${course.handle}"]`).waitFor({ timeout: 30_000 })
      await buyToCheckout(page)
      const cartId = (await page.locator('[data-testid="checkout"]').getAttribute("data-cart-id"))!
      // Two taps before the app can redraw: the client delivers both.
      await page.evaluate((selector) => {
        const button = document.querySelector<HTMLButtonElement>(selector)!
        button.click()
        button.click()
      }, MAIN_BUTTON)
      await page.waitForURL(/\/checkout\//, { timeout: 30_000 })
      expect(paymentsOfCart(cartId)).toHaveLength(1)

      // The payment page closed halfway: the order waits, payable, and closing the app asks first.
      await page.goBack()
      await page.locator('[data-testid="order-page"][data-state="waiting"]').waitFor({ timeout: 30_000 })
      expect(await page.locator("html").getAttribute("data-closing-confirmation")).toBe("true")
      await (await mainButton(page, /Открыть страницу оплаты/)).click()
      await page.waitForURL(/\/checkout\//, { timeout: 30_000 })
      expect(paymentsOfCart(cartId)).toHaveLength(1)
      await page.close()
    })

    it("opens a deep link to an order, in English and the dark theme; an unknown start parameter lands on the catalogue", async () => {
      const shopper = newShopper("en")
      const course = courses[3]
      const page = await open(shopper, { theme: DARK_THEME, startParam: `course_${course.handle}` })
      await page.locator(`[data-testid="course-page"][data-handle="${course.handle}"]`).waitFor({ timeout: 30_000 })
      expect(await page.locator("html").getAttribute("data-theme")).toBe("dark")
      expect(await page.locator("html").getAttribute("lang")).toBe("en")
      const pay = await buyToCheckout(page)
      const cartId = (await page.locator('[data-testid="checkout"]').getAttribute("data-cart-id"))!
      await pay.click()
      await page.waitForURL(/\/checkout\//, { timeout: 30_000 })
      await page.locator("button.pay").click()
      await page.locator('[data-testid="order-page"][data-state="success"]').waitFor({ timeout: 30_000 })
      await page.close()

      const deepLinked = await open(shopper, { theme: DARK_THEME, startParam: `order_${cartId}` })
      await deepLinked.locator('[data-testid="order-page"][data-state="success"]').waitFor({ timeout: 30_000 })
      expect(await deepLinked.locator('[data-testid="order-success"]').textContent()).toContain("Payment received")
      await mainButton(deepLinked, /^Open course$/)
      await deepLinked.close()

      const unknown = await open(shopper, { theme: LIGHT_THEME, startParam: "nonsense_value" })
      await unknown.locator('[data-testid="catalogue"][data-state="ready"]').waitFor({ timeout: 30_000 })
      expect(await unknown.locator(".catalogue__title").textContent()).toBe("AI courses")
      await unknown.close()
    })

    it("draws the main screens in Telegram's dark theme", async () => {
      const shopper = newShopper()
      const page = await open(shopper, { theme: DARK_THEME })
      await page.locator('[data-testid="catalogue"][data-state="ready"]').waitFor({ timeout: 30_000 })
      expect(await page.locator("html").getAttribute("data-theme")).toBe("dark")
      await screenshot(page, "catalogue-dark")
      const course = courses[4]
      await page.locator(`[data-testid="course-card"][data-handle="${course.handle}"]`).click()
      await page.locator('[data-testid="outcomes"]').waitFor()
      await mainButton(page, /Купить за/)
      await screenshot(page, "course-dark")
      const pay = await buyToCheckout(page)
      await screenshot(page, "checkout-dark")
      await pay.click()
      await page.waitForURL(/\/checkout\//, { timeout: 30_000 })
      await page.locator("button.pay").click()
      await page.locator('[data-testid="order-page"][data-state="success"]').waitFor({ timeout: 30_000 })
      await screenshot(page, "order-success-dark")
      await (await mainButton(page, /Открыть курс/)).click()
      await page.locator(`[data-testid="owned-course"][data-product-id="${course.id}"]`).waitFor({ timeout: 15_000 })
      await screenshot(page, "my-courses-dark")
      await page.close()
    })

    /** Checkout with Telegram Stars chosen: the estimate is shown, and the MainButton pays with Stars. */
    async function chooseStars(page: Page) {
      await buyToCheckout(page)
      await page.locator('[data-testid="method-stars"]').click()
      await page.locator('[data-testid="stars-note"]').waitFor()
      return mainButton(page, /^(Оплатить звёздами|Pay with Stars)$/)
    }

    const starsInvoiceOfCart = async (cartId: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "cart", fields: ["payment_collection.payment_sessions.*"], filters: { id: cartId } })
      const sessions = ((data[0] as any)?.payment_collection?.payment_sessions ?? []) as Array<{
        provider_id: string
        data: Record<string, any>
      }>
      return sessions.filter((session) => session.provider_id === "pp_telegram-stars_telegram-stars")
    }

    for (const theme of ["light", "dark"] as const) {
      it(`pays with Telegram Stars (${theme}): the choice shows the Stars price, the invoice is paid in Telegram, the course is the shopper's and the merchant is told it was Stars`, async () => {
        const shopper = newShopper()
        const course = courses[theme === "light" ? 5 : 6]
        const page = await open(shopper, {
          theme: theme === "dark" ? DARK_THEME : LIGHT_THEME,
          startParam: `course_${course.handle}`,
        })
        await page.locator(`[data-testid="course-page"][data-handle="${course.handle}"]`).waitFor({ timeout: 30_000 })
        const pay = await chooseStars(page)
        const cartId = (await page.locator('[data-testid="checkout"]').getAttribute("data-cart-id"))!
        const estimate = (await page.locator('[data-testid="method-stars-price"]').textContent())!
        expect(estimate).toMatch(/^≈ \d[\d\s\u00a0]*$/)
        await page.locator('[data-testid="method-stars-price"] svg[aria-label="Telegram Stars"]').waitFor()
        // The e-mail is for Yookassa's receipt: Stars need none.
        expect(await page.locator('[data-testid="email"]').count()).toBe(0)
        await screenshot(page, `checkout-stars-${theme}`)

        // Telegram's payment sheet (the stand-in's): it names the Stars the server asked for, and the shopper pays.
        const sheet = new Promise<string>((resolve) =>
          page.once("dialog", (dialog) => {
            resolve(dialog.message())
            void dialog.accept()
          })
        )
        await pay.click()
        const [session] = await until(async () => {
          const found = await starsInvoiceOfCart(cartId)
          return found.length ? found : undefined
        }, "the Stars session")
        expect(await sheet).toContain(`${session.data.stars_amount} ⭐`)
        // With no Stars price on the variant, the estimate is the server's price.
        expect(estimate.replace(/\D/g, "")).toBe(String(session.data.stars_amount))

        await page.locator('[data-testid="order-page"][data-state="success"]').waitFor({ timeout: 30_000 })
        expect(await page.locator("html").getAttribute("data-last-haptic")).toBe("success")
        await screenshot(page, `order-success-stars-${theme}`)
        // One charge for this shopper, and it is the one the cart's paid session holds.
        const paid = (await starsInvoiceOfCart(cartId)).filter((entry) => entry.data.telegram_payment_charge_id)
        const charges = bot.api().stars.transactions.filter((entry) => entry.source?.user.id === shopper.id)
        expect({
          paid: paid.map((entry) => entry.data.telegram_payment_charge_id),
          charges: charges.map((entry) => entry.id),
        }).toEqual({
          paid: [charges[0]?.id],
          charges: [expect.any(String)],
        })

        await (await mainButton(page, /Открыть курс/)).click()
        await page.locator(`[data-testid="owned-course"][data-product-id="${course.id}"]`).waitFor({ timeout: 15_000 })
        const sale = await until(
          () =>
            bot
              .api()
              .delivered.find(
                (message) => String(message.chatId) === ADMIN_CHAT_ID && message.text.includes(course.title)
              ),
          "the merchant's sale message"
        )
        expect(sale.text).toContain("Telegram Stars")
        await page.close()
      })
    }

    it("a Stars invoice closed without paying leaves the cart payable: Pay again opens a new invoice, which is paid", async () => {
      const course = courses[7]
      const page = await open(newShopper(), { startParam: `course_${course.handle}` })
      await page.locator(`[data-testid="course-page"][data-handle="${course.handle}"]`).waitFor({ timeout: 30_000 })
      const pay = await chooseStars(page)
      const cartId = (await page.locator('[data-testid="checkout"]').getAttribute("data-cart-id"))!
      page.once("dialog", (dialog) => void dialog.dismiss())
      await pay.click()
      await page.locator('[data-testid="order-page"][data-state="declined"]').waitFor({ timeout: 30_000 })
      expect(await page.locator('[data-testid="order-declined"]').textContent()).toContain("Звёзды не списаны")
      expect(await page.locator("html").getAttribute("data-closing-confirmation")).toBe("false")
      const [cancelled] = await starsInvoiceOfCart(cartId)
      expect(
        bot.api().stars.transactions.filter((entry) => entry.source?.invoice_payload === cancelled.data.invoice_payload)
      ).toHaveLength(0)

      await (await mainButton(page, /Оплатить снова/)).click()
      await page.locator(`[data-testid="checkout"][data-cart-id="${cartId}"]`).waitFor()
      await page.locator('[data-testid="consent"]').check()
      await page.locator('[data-testid="method-stars"]').click()
      page.once("dialog", (dialog) => void dialog.accept())
      await (await mainButton(page, /^Оплатить звёздами$/)).click()
      await page.locator('[data-testid="order-page"][data-state="success"]').waitFor({ timeout: 30_000 })
      await page.close()
    })

    it("opened in a plain browser without launch parameters, explains how to open it in Telegram", async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
      await page.goto(STOREFRONT_URL)
      await page.locator('[data-testid="outside-telegram"]').waitFor({ timeout: 30_000 })
      await page.close()
    })
  },
})
