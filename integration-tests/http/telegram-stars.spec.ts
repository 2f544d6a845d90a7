import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { ADMIN_CHAT_ID, useBotApiDouble } from "../helpers/bot-api"
import { useEnvironment } from "../helpers/test-environment"
import { until } from "../helpers/until"
import { readEnvironment } from "../../src/config/environment"
import syncPaymentMethods from "../../src/migration-scripts/sync-payment-methods"
import { reconcileStarsPayments } from "../../plugins/telegram/src/stars/reconciliation/reconcile-stars-payments"
import { REFUSAL } from "../../plugins/telegram/src/stars/pre-checkout"
import type { StoreWebhook } from "../../plugins/telegram/src/testing/bot-api-double"
import { errorResponse } from "../helpers/http"

jest.setTimeout(240_000)

const PROVIDER = "pp_telegram-stars_telegram-stars"
const RATE = 1.5
const SHOPPER = 7_000_001
const ADMIN = { email: "stars-merchant@aistore.test", password: "correct horse battery staple" }

useEnvironment({ TELEGRAM_STARS_RUB_RATE: String(RATE), PAYMENT_METHODS: "yookassa,stars" })
const bot = useBotApiDouble(19_800)
const { webhookSecret } = readEnvironment().telegram

type Session = { id: string; status: string; amount: number; data: Record<string, any> }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig
    let headers: Record<string, string>
    let webhook: StoreWebhook
    let products: Array<{
      id: string
      title: string
      variants: Array<{ id: string; calculated_price: { calculated_amount: number } }>
    }>

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
      await syncPaymentMethods({ container: getContainer(), args: [] })
      const baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      webhook = { url: `${baseUrl}/hooks/telegram`, secret: webhookSecret }
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
      const { data } = await api.get(
        `/store/products?limit=4&region_id=${config.region_id}&fields=id,title,*variants.calculated_price`,
        { headers }
      )
      products = data.products
    })

    // Each test starts from the same database (the runner restores it): Telegram's ledger too.
    beforeEach(() => bot.api().reset())

    /** A guest cart with courses, its payment collection and a Stars session, as the Mini App makes them. */
    async function checkout({ courses = [0], clientData }: { courses?: number[]; clientData?: object } = {}) {
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "stars@example.ru" },
        { headers }
      )
      const cartId: string = created.cart.id
      for (const index of courses) {
        await api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: products[index].variants[0].id, quantity: 1 },
          { headers }
        )
      }
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      const collectionId: string = collection.payment_collection.id
      const session = await startSession(collectionId, clientData)
      return { cartId, collectionId, session }
    }

    async function startSession(collectionId: string, clientData?: object): Promise<Session> {
      const { data } = await api.post(
        `/store/payment-collections/${collectionId}/payment-sessions`,
        { provider_id: PROVIDER, ...(clientData ? { data: clientData } : {}) },
        { headers }
      )
      return data.payment_collection.payment_sessions.find((entry: any) => entry.provider_id === PROVIDER)
    }

    const pay = (session: Session, options: { deliveries?: number; query?: object } = {}) =>
      bot.api().payInvoice(webhook, { link: session.data.invoice_link, userId: SHOPPER, ...options })

    async function ordersOfCart(cartId: string) {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order_cart",
          fields: [
            "order_id",
            "order.display_id",
            "order.total",
            "order.payment_collections.payments.id",
            "order.payment_collections.payments.data",
            "order.payment_collections.payments.captured_at",
          ],
          filters: { cart_id: cartId },
        })
      return data as any[]
    }

    const orderOf = (cartId: string) =>
      until(async () => {
        const orders = await ordersOfCart(cartId)
        return orders[0]?.order.payment_collections?.[0]?.payments?.[0]?.captured_at ? orders : undefined
      }, `a paid order for ${cartId}`)

    const refundCalls = () => bot.api().calls.filter((call) => call.method === "refundStarPayment")
    const refundsOf = (chargeId: string) =>
      bot.api().stars.transactions.filter((entry) => entry.id === chargeId && entry.receiver)
    const starsFor = (...indexes: number[]) =>
      Math.ceil(
        indexes.reduce((sum, index) => sum + products[index].variants[0].calculated_price.calculated_amount, 0) / RATE
      )

    it("offers both methods and the Stars rate in /storefront/config", async () => {
      expect(config.payment_methods).toEqual([
        { id: "yookassa", provider_id: "pp_yookassa_yookassa" },
        { id: "stars", provider_id: PROVIDER },
      ])
      expect(config.stars_rub_rate).toBe(RATE)
    })

    it("creates an invoice link in Stars for the cart's total, naming the session; client data is ignored", async () => {
      const { cartId, session } = await checkout({
        courses: [0, 1],
        clientData: { stars_amount: 1, cart_id: "cart_other", telegram_payment_charge_id: "forged" },
      })
      const expected = starsFor(0, 1)
      expect(session.status).toBe("pending")
      expect(session.data).toMatchObject({
        cart_id: cartId,
        stars_amount: expected,
        invoice_payload: `aistore:${session.id}:${cartId}`,
      })
      expect(session.data.telegram_payment_charge_id).toBeUndefined()

      const invoice = bot.api().stars.invoices.get(session.data.invoice_link)!
      expect(invoice).toMatchObject({
        currency: "XTR",
        amount: expected,
        providerToken: "",
        payload: `aistore:${session.id}:${cartId}`,
      })
      expect(invoice.description).toContain(products[0].title)
      // Not paid yet: the shopper's own completion is refused, and no order exists.
      const completion = await api.post(`/store/carts/${cartId}/complete`, {}, { headers }).catch(errorResponse)
      expect(completion.status).toBeGreaterThanOrEqual(400)
      expect(completion.status).toBeLessThan(500)
      expect(await ordersOfCart(cartId)).toHaveLength(0)
    })

    it("uses the Stars price the merchant set on a variant", async () => {
      const variantId = products[2].variants[0].id
      const productModule = getContainer().resolve(Modules.PRODUCT)
      await productModule.updateProductVariants(variantId, { metadata: { stars_price: 7 } })
      try {
        const { session } = await checkout({ courses: [2, 3] })
        expect(session.data.stars_amount).toBe(7 + starsFor(3))
        expect(bot.api().stars.invoices.get(session.data.invoice_link)!.amount).toBe(7 + starsFor(3))
      } finally {
        await productModule.updateProductVariants(variantId, { metadata: { stars_price: null } })
      }
    })

    it("a paid invoice gives exactly one order, with the charge on its payment, and the merchant's message names Stars", async () => {
      const { cartId, session } = await checkout()
      const { answer, transaction } = await pay(session)
      expect(answer).toEqual({ ok: true })

      const orders = await orderOf(cartId)
      expect(orders).toHaveLength(1)
      const [payment] = orders[0].order.payment_collections[0].payments
      expect(payment.data).toMatchObject({
        telegram_payment_charge_id: transaction!.id,
        payer_user_id: SHOPPER,
        paid_stars: starsFor(0),
      })

      const message = await until(
        () =>
          bot
            .api()
            .delivered.find(
              (entry) => String(entry.chatId) === ADMIN_CHAT_ID && entry.text.includes(`№${orders[0].order.display_id}`)
            ),
        "the merchant's message"
      )
      expect(message.text).toContain("Telegram Stars")

      // A second tap on Pay is refused with the order's name, and no money moves.
      const { data: cart } = await api.get(`/store/carts/${cartId}?fields=payment_collection.id`, { headers })
      const again = await api
        .post(
          `/store/payment-collections/${cart.cart.payment_collection.id}/payment-sessions`,
          { provider_id: PROVIDER },
          { headers }
        )
        .catch(errorResponse)
      expect(again.status).toBe(400)
      expect(again.data.message).toContain(orders[0].order_id)
      expect(bot.api().stars.invoices.size).toBe(1)

      // The shopper's app completing afterwards gets the same order.
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
      expect(completed.order.id).toBe(orders[0].order_id)
      expect(await ordersOfCart(cartId)).toHaveLength(1)
      // Reconciliation leaves a charge an order owns alone.
      expect(await reconcileStarsPayments(getContainer())).toMatchObject({ checked: 0, settled: 0 })
      expect(refundCalls()).toHaveLength(0)
    })

    it("the same successful_payment delivered twice, racing the shopper's own completion, still gives one order", async () => {
      const { cartId, session } = await checkout({ courses: [1] })
      const { update } = await pay(session, { deliveries: 0 })
      const [first, second, shopper] = await Promise.all([
        bot.api().sendUpdate(webhook, update!),
        bot.api().sendUpdate(webhook, update!),
        api.post(`/store/carts/${cartId}/complete`, {}, { headers }).catch(errorResponse),
      ])
      expect([first, second]).toEqual([200, 200])
      expect(shopper.status).toBeLessThan(500)
      const orders = await orderOf(cartId)
      expect(orders).toHaveLength(1)
      expect(orders[0].order.payment_collections[0].payments).toHaveLength(1)
      expect(await bot.api().sendUpdate(webhook, update!)).toBe(200)
      expect(await ordersOfCart(cartId)).toHaveLength(1)
      expect(refundCalls()).toHaveLength(0)
    })

    describe("pre-checkout", () => {
      it.each([
        ["a changed amount", { total_amount: 1 }, REFUSAL.changed],
        ["another currency", { currency: "RUB" }, REFUSAL.currency],
        [
          "a session that does not exist",
          { invoice_payload: "aistore:payses_01NOSUCHSESSION:cart_01NOSUCHCART" },
          REFUSAL.unknown,
        ],
      ])("refuses %s: ok=false with a message for the shopper, no order", async (_case, query, message) => {
        const { cartId, session } = await checkout()
        const result = await pay(session, { query })
        expect(result.answer).toEqual({ ok: false, error_message: message })
        expect(result.transaction).toBeUndefined()
        expect(await ordersOfCart(cartId)).toHaveLength(0)
      })

      it("refuses an invoice whose cart changed since (Medusa replaced its session)", async () => {
        const { cartId, session } = await checkout()
        await api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: products[3].variants[0].id, quantity: 1 },
          { headers }
        )
        expect((await pay(session)).answer).toEqual({ ok: false, error_message: REFUSAL.unknown })
        expect(await ordersOfCart(cartId)).toHaveLength(0)
      })

      it("refuses a session that is already paid", async () => {
        const { cartId, session } = await checkout()
        expect((await pay(session)).answer.ok).toBe(true)
        await orderOf(cartId)
        expect((await pay(session)).answer).toEqual({ ok: false, error_message: REFUSAL.paid })
        expect(await ordersOfCart(cartId)).toHaveLength(1)
      })

      it("ignores a payload that names no session of this store, and refuses an update without the secret", async () => {
        const query = (id: string, payload: string) => ({
          update_id: Date.now(),
          pre_checkout_query: {
            id,
            from: { id: SHOPPER, is_bot: false, first_name: "X" },
            currency: "XTR",
            total_amount: 5,
            invoice_payload: payload,
          },
        })
        expect(await bot.api().sendUpdate(webhook, query("foreign-1", "someone-else:42"))).toBe(200)
        // The update is handled within its own request: by now an answer would have been given.
        expect(bot.api().stars.preCheckoutAnswers.has("foreign-1")).toBe(false)

        const { session } = await checkout()
        const unsigned = await fetch(webhook.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(query("unsigned-1", session.data.invoice_payload)),
        })
        expect(unsigned.status).toBe(401)
        expect(bot.api().stars.preCheckoutAnswers.has("unsigned-1")).toBe(false)
        const forged = await bot
          .api()
          .sendUpdate(
            { ...webhook, secret: "x".repeat(webhookSecret.length) },
            query("forged-1", session.data.invoice_payload)
          )
        expect(forged).toBe(401)
        expect(bot.api().stars.preCheckoutAnswers.has("forged-1")).toBe(false)
      })
    })

    it("a lost successful_payment update: the reconciliation job finds the charge and places the order", async () => {
      const { cartId, session } = await checkout({ courses: [2] })
      const { transaction } = await pay(session, { deliveries: 0 })
      expect(await ordersOfCart(cartId)).toHaveLength(0)

      const summary = await reconcileStarsPayments(getContainer())
      expect(summary.completed).toBeGreaterThanOrEqual(1)
      const orders = await orderOf(cartId)
      expect(orders).toHaveLength(1)
      expect(orders[0].order.payment_collections[0].payments[0].data.telegram_payment_charge_id).toBe(transaction!.id)
      expect(refundsOf(transaction!.id)).toHaveLength(0)
    })

    it("a Stars payment whose session was replaced is refunded exactly once, however often it is seen", async () => {
      const { cartId, collectionId, session: stale } = await checkout({ courses: [3] })
      const { transaction, update } = await pay(stale, { deliveries: 0 })
      // The shopper starts again before Telegram's update arrives: the paid session is deleted.
      const fresh = await startSession(collectionId)
      expect(fresh.id).not.toBe(stale.id)

      await Promise.all([bot.api().sendUpdate(webhook, update!), bot.api().sendUpdate(webhook, update!)])
      await reconcileStarsPayments(getContainer())
      await reconcileStarsPayments(getContainer())
      expect(refundsOf(transaction!.id)).toHaveLength(1)
      expect(
        refundCalls().filter(
          (call) => call.params.telegram_payment_charge_id === transaction!.id && call.status === 200
        )
      ).toHaveLength(1)
      expect(
        refundCalls().every((call) => call.params.user_id === SHOPPER || Number(call.params.user_id) === SHOPPER)
      ).toBe(true)
      expect(await ordersOfCart(cartId)).toHaveLength(0)

      // The fresh session still pays for the cart: one order, its charge untouched.
      const paid = await pay(fresh)
      expect(await orderOf(cartId)).toHaveLength(1)
      expect(refundsOf(paid.transaction!.id)).toHaveLength(0)
    })

    describe("refunds from the admin", () => {
      let adminHeaders: Record<string, string>

      beforeAll(async () => {
        const container = getContainer()
        const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
        await createUserAccountWorkflow(container).run({
          input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
        })
        const { data } = await api.post("/auth/user/emailpass", ADMIN)
        adminHeaders = { authorization: `Bearer ${data.token}` }
      })

      async function paidOrder() {
        const { cartId, session } = await checkout({ courses: [0, 1] })
        const { transaction } = await pay(session)
        const [row] = await orderOf(cartId)
        const { data } = await api.get(`/admin/orders/${row.order_id}?fields=id,total,*payment_collections.payments`, {
          headers: adminHeaders,
        })
        return { order: data.order, payment: data.order.payment_collections[0].payments[0], chargeId: transaction!.id }
      }

      it("a partial refund is refused with a clear message and nothing is refunded", async () => {
        const { payment, chargeId } = await paidOrder()
        const response = await api
          .post(`/admin/payments/${payment.id}/refund`, { amount: 100 }, { headers: adminHeaders })
          .catch(errorResponse)
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/refunded whole/)
        expect(refundsOf(chargeId)).toHaveLength(0)
      })

      it("a full refund calls refundStarPayment with the charge id and the payer, and shows on the order", async () => {
        const { order, payment, chargeId } = await paidOrder()
        await api.post(`/admin/payments/${payment.id}/refund`, { amount: order.total }, { headers: adminHeaders })
        const calls = refundCalls().filter((call) => call.params.telegram_payment_charge_id === chargeId)
        expect(calls).toHaveLength(1)
        expect(Number(calls[0].params.user_id)).toBe(SHOPPER)
        expect(refundsOf(chargeId)).toHaveLength(1)
        const { data } = await api.get(`/admin/orders/${order.id}?fields=id,*payment_collections.payments.refunds`, {
          headers: adminHeaders,
        })
        expect(data.order.payment_collections[0].payments[0].refunds.map((refund: any) => refund.amount)).toEqual([
          order.total,
        ])

        // The order widget's route shows the charge, its payer and the refund; shoppers get nothing from it.
        const { data: widget } = await api.get(`/admin/orders/${order.id}/telegram-stars`, { headers: adminHeaders })
        expect(widget.payments).toEqual([
          expect.objectContaining({
            payment_id: payment.id,
            telegram_payment_charge_id: chargeId,
            payer_user_id: SHOPPER,
            refunded_at: expect.any(String),
          }),
        ])
        const anonymous = await api.get(`/admin/orders/${order.id}/telegram-stars`).catch(errorResponse)
        expect(anonymous.status).toBe(401)

        // A second refund has nothing left to take.
        const again = await api
          .post(`/admin/payments/${payment.id}/refund`, { amount: order.total }, { headers: adminHeaders })
          .catch(errorResponse)
        expect(again.status).toBe(400)
        expect(refundsOf(chargeId)).toHaveLength(1)
      })
    })
  },
})
