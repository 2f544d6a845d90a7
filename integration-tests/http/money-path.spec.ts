import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import removeSystemPaymentProvider from "../../src/migration-scripts/remove-system-payment-provider"
import { REGION_PAYMENT_PROVIDERS } from "../../src/migration-scripts/setup-store"
import { reconcileYookassaPayments } from "../../plugins/payment-yookassa/src/reconciliation/reconcile-yookassa-payments"
import { purchaseLockOf } from "../../plugins/course-access/src/cart/purchase-lock"
import { until } from "../helpers/until"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { errorResponse, failed } from "../helpers/http"
import { signInShopper } from "../helpers/shopper"

jest.setTimeout(240_000)

const PROVIDER = "pp_yookassa_yookassa"
const yookassa = useYookassaSandbox(19_700)

/**
 * The money path as a hostile shopper drives it with the stock store API and their own token:
 * taps twice, comes back, starts two payments at once, buys one course in two carts.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig
    let products: Array<{
      id: string
      variants: Array<{ id: string; calculated_price: { calculated_amount: number } }>
    }>
    let nextTelegramId = 8_100_001

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
      const baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      yookassa.sandbox().setWebhookUrl(`${baseUrl}/hooks/payment/yookassa_yookassa`)
      config = (await api.get("/storefront/config")).data
      const { data } = await api.get(
        `/store/products?limit=6&region_id=${config.region_id}&fields=id,*variants.calculated_price`,
        {
          headers: { "x-publishable-api-key": config.publishable_key },
        }
      )
      products = data.products
    })

    beforeEach(() => yookassa.sandbox().faults.reset())

    const store = (token?: string) => ({
      headers: {
        "x-publishable-api-key": config.publishable_key,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    })

    async function shopper(): Promise<string> {
      const id = nextTelegramId++
      return signInShopper(api, { id, first_name: `Покупатель ${id}` })
    }

    /** A cart with one course and its payment collection, as the Mini App makes them. */
    async function cartWith(token: string, product = products[0]) {
      const { data } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "buyer@example.ru" },
        store(token)
      )
      await api.post(
        `/store/carts/${data.cart.id}/line-items`,
        { variant_id: product.variants[0].id, quantity: 1 },
        store(token)
      )
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: data.cart.id }, store(token))
      return { cartId: data.cart.id as string, collectionId: collection.payment_collection.id as string }
    }

    const startSession = async (collectionId: string, token: string, provider_id = PROVIDER) => {
      const { data } = await api.post(
        `/store/payment-collections/${collectionId}/payment-sessions`,
        { provider_id },
        store(token)
      )
      return data.payment_collection.payment_sessions.find((entry: any) => entry.provider_id === provider_id) as {
        id: string
        data: { id: string }
      }
    }

    async function ordersOfCart(cartId: string): Promise<Array<{ order_id: string }>> {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data as Array<{ order_id: string }>
    }
    /** The cart's order once its payment is captured: the workflow that places it has finished. */
    const orderOf = (cartId: string) =>
      until(async () => {
        const { data } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({
            entity: "order_cart",
            fields: ["order_id", "order.payment_collections.payments.captured_at"],
            filters: { cart_id: cartId },
          })
        const row = data[0] as { order_id: string; order?: { payment_collections?: any[] } } | undefined
        return row?.order?.payment_collections?.[0]?.payments?.[0]?.captured_at ? row.order_id : undefined
      }, `the paid order of ${cartId}`)

    /** Waits for the webhooks to be handled: every notification reached the store and its subscriber ran. */
    async function settled() {
      await yookassa.sandbox().flushNotifications()
      // The subscriber runs after the webhook's delay; a reconciliation run is the same work, done now.
      await reconcileYookassaPayments(getContainer(), { now: new Date(Date.now() + 10 * 60_000) })
    }

    it("a second tap on Pay after the order is refused with 400 naming the order, and no money moves", async () => {
      const token = await shopper()
      const { cartId, collectionId } = await cartWith(token)
      const session = await startSession(collectionId, token)
      await yookassa.sandbox().pay(session.data.id)
      const orderId = await orderOf(cartId)

      const again = await failed(
        api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: PROVIDER }, store(token))
      )
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(new RegExp(`^This cart is already paid: order #\\d+ \\(${orderId}\\)$`))
      await settled()
      expect(yookassa.sandbox().refunds(session.data.id)).toEqual([])
      expect(yookassa.sandbox().payment(session.data.id)!.status).toBe("succeeded")
    })

    it("Medusa deleting the order's own session (its cleanup hook) moves no money", async () => {
      const token = await shopper()
      const { cartId, collectionId } = await cartWith(token)
      const session = await startSession(collectionId, token)
      await yookassa.sandbox().pay(session.data.id)
      await orderOf(cartId)

      await getContainer().resolve<IPaymentModuleService>(Modules.PAYMENT).deletePaymentSession(session.id)
      await settled()
      expect(yookassa.sandbox().refunds(session.data.id)).toEqual([])
      expect(await ordersOfCart(cartId)).toHaveLength(1)
    })

    it("a paid cart cannot be ordered through the system provider: the region offers its gateways only (Yookassa, Stars)", async () => {
      const { data } = await api.get(`/store/payment-providers?region_id=${config.region_id}`, store())
      expect(data.payment_providers.map((provider: { id: string }) => provider.id).sort()).toEqual(
        [...REGION_PAYMENT_PROVIDERS].sort()
      )

      const token = await shopper()
      const { cartId, collectionId } = await cartWith(token, products[1])
      const refused = await failed(startSession(collectionId, token, "pp_system_default"))
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      const completion = await failed(api.post(`/store/carts/${cartId}/complete`, {}, store(token)))
      expect(completion.status).toBeGreaterThanOrEqual(400)
      expect(completion.status).toBeLessThan(500)
      expect(await ordersOfCart(cartId)).toEqual([])
    })

    it("a free course still completes, with no payment session at all", async () => {
      const container = getContainer()
      const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Бесплатный вводный урок",
              status: "published",
              options: [{ title: "Доступ", values: ["Навсегда"] }],
              variants: [
                {
                  title: "Навсегда",
                  options: { Доступ: "Навсегда" },
                  manage_inventory: false,
                  prices: [{ amount: 0, currency_code: "rub" }],
                },
              ],
              sales_channels: [{ id: salesChannel.id }],
            },
          ],
        },
      })
      const token = await shopper()
      const { data } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "buyer@example.ru" },
        store(token)
      )
      await api.post(
        `/store/carts/${data.cart.id}/line-items`,
        { variant_id: result[0].variants[0].id, quantity: 1 },
        store(token)
      )
      const { data: completed } = await api.post(`/store/carts/${data.cart.id}/complete`, {}, store(token))
      expect(completed.type).toBe("order")
      expect(completed.order.total).toBe(0)
    })

    it("the store-setup migration takes the system provider off a region that still offers it", async () => {
      const container = getContainer()
      await updateRegionsWorkflow(container).run({
        input: {
          selector: { id: config.region_id },
          update: { payment_providers: [...REGION_PAYMENT_PROVIDERS, "pp_system_default"] },
        },
      })
      await removeSystemPaymentProvider({ container, args: [] })
      const { data } = await api.get(`/store/payment-providers?region_id=${config.region_id}`, store())
      expect(data.payment_providers.map((provider: { id: string }) => provider.id).sort()).toEqual(
        [...REGION_PAYMENT_PROVIDERS].sort()
      )
    })

    it("two concurrent session requests leave one live session; paying both gives one order and one refund", async () => {
      const token = await shopper()
      const { cartId, collectionId } = await cartWith(token, products[2])
      const [first, second] = await Promise.all([startSession(collectionId, token), startSession(collectionId, token)])
      const { data } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, store(token))
      const live = data.cart.payment_collection.payment_sessions
      expect(live).toHaveLength(1)

      const paid = [first.data.id, second.data.id]
      await yookassa.sandbox().pay(paid[0])
      await yookassa.sandbox().pay(paid[1])
      await orderOf(cartId)
      await settled()
      expect(await ordersOfCart(cartId)).toHaveLength(1)
      const refunds = paid.map((id) => yookassa.sandbox().refunds(id))
      const orphan = paid.find((id) => id !== live[0].data.id)!
      expect(refunds.flat()).toHaveLength(1)
      expect(yookassa.sandbox().refunds(orphan)).toEqual([
        expect.objectContaining({ amount: yookassa.sandbox().payment(orphan)!.amount, status: "succeeded" }),
      ])
    })

    it("one course in two carts, both paid: one order, the second payment refunded once, and its cart says why", async () => {
      const token = await shopper()
      const course = products[3]
      const one = await cartWith(token, course)
      const two = await cartWith(token, course)
      const three = await cartWith(token, course)
      const firstSession = await startSession(one.collectionId, token)
      const secondSession = await startSession(two.collectionId, token)
      await yookassa.sandbox().pay(firstSession.data.id)
      await orderOf(one.cartId)

      // A payment for a course the shopper now owns never starts...
      const refused = await failed(startSession(three.collectionId, token))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("You already own this course: it is in My courses.")

      // ...and one started before the first order was placed is given back when paid.
      await yookassa.sandbox().pay(secondSession.data.id)
      await until(
        () => (yookassa.sandbox().refunds(secondSession.data.id).length ? true : undefined),
        "the second payment's refund"
      )
      await settled()
      await settled()
      expect(yookassa.sandbox().refunds(secondSession.data.id)).toEqual([
        expect.objectContaining({ amount: yookassa.sandbox().payment(secondSession.data.id)!.amount }),
      ])
      expect(yookassa.sandbox().refunds(firstSession.data.id)).toEqual([])
      expect(await ordersOfCart(two.cartId)).toEqual([])
      const why = await failed(api.post(`/store/carts/${two.cartId}/complete`, {}, store(token)))
      expect(why.status).toBe(400)
      expect(why.data.message).toBe("You already own this course: it is in My courses.")
    })

    /** Both carts' orders, and the Yookassa refunds of both payments, once everything settled. */
    async function afterBothPaid(carts: Array<{ cartId: string }>, payments: string[]) {
      await settled()
      await until(
        async () =>
          payments.some((id) => yookassa.sandbox().refunds(id).length) || (await ordersOfCart(carts[1].cartId)).length
            ? true
            : undefined,
        "the second payment settled"
      )
      await settled()
      const orders = (await Promise.all(carts.map((cart) => ordersOfCart(cart.cartId)))).map((rows) => rows.length)
      const refunds = payments.map((id) => yookassa.sandbox().refunds(id).length)
      return { orders, refunds }
    }

    it("one course in two carts, both paid at the same moment (webhooks racing): one order, the other payment given back once", async () => {
      const token = await shopper()
      const carts = [await cartWith(token, products[2]), await cartWith(token, products[2])]
      const sessions = [
        await startSession(carts[0].collectionId, token),
        await startSession(carts[1].collectionId, token),
      ]
      await Promise.all(sessions.map((session) => yookassa.sandbox().pay(session.data.id)))

      const { orders, refunds } = await afterBothPaid(
        carts,
        sessions.map((session) => session.data.id)
      )
      // One cart became the order; the other cart's payment came back, once.
      expect([...orders].sort()).toEqual([0, 1])
      expect(refunds).toEqual(orders.map((count) => 1 - count))
    })

    it("one course in two carts, both completed by the shopper at once: one order, the other refused with a reason and given back", async () => {
      yookassa.sandbox().faults.dropNotifications(true)
      const token = await shopper()
      const carts = [await cartWith(token, products[5]), await cartWith(token, products[5])]
      const sessions = [
        await startSession(carts[0].collectionId, token),
        await startSession(carts[1].collectionId, token),
      ]
      for (const session of sessions) {
        await yookassa.sandbox().pay(session.data.id)
      }

      const answers = await Promise.all(
        carts.map((cart) => api.post(`/store/carts/${cart.cartId}/complete`, {}, store(token)).catch(errorResponse))
      )
      const statuses = answers.map((answer) => answer.status).sort()
      expect(statuses).toEqual([200, 400])
      const refused = answers.find((answer) => answer.status === 400)!
      expect(refused.data.message).toBe("You already own this course: it is in My courses.")
      // Both completions let go of the shopper's purchase lock: their next purchase does not wait for it.
      const probe = purchaseLockOf(answers.find((answer) => answer.status === 200)!.data.order.customer_id, "probe")
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(probe.key, { ownerId: probe.ownerId, expire: 5 })
      await locking.release(probe.key, { ownerId: probe.ownerId })

      yookassa.sandbox().faults.reset()
      const { orders, refunds } = await afterBothPaid(
        carts,
        sessions.map((session) => session.data.id)
      )
      const winner = answers.findIndex((answer) => answer.status === 200)
      expect(orders).toEqual(winner === 0 ? [1, 0] : [0, 1])
      expect(refunds).toEqual(orders.map((count) => 1 - count))
    })

    it("a dashboard refund whose notification was lost is recorded on the order by the job, once", async () => {
      const token = await shopper()
      const { cartId, collectionId } = await cartWith(token, products[1])
      const session = await startSession(collectionId, token)
      await yookassa.sandbox().pay(session.data.id)
      const orderId = await orderOf(cartId)
      await yookassa.sandbox().flushNotifications()

      yookassa.sandbox().faults.dropNotifications(true)
      const dashboard = await yookassa.sandbox().refundFromDashboard(session.data.id, "500.00")
      await reconcileYookassaPayments(getContainer())
      await reconcileYookassaPayments(getContainer())
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["payment_collections.payments.refunds.amount"], filters: { id: orderId } })
      const refunds = (data[0] as any).payment_collections[0].payments[0].refunds
      expect(refunds.map((refund: { amount: number }) => Number(refund.amount))).toEqual([500])
      expect(yookassa.sandbox().refunds(session.data.id)).toEqual([expect.objectContaining({ id: dashboard.id })])
    })

    it("the reconciliation job stops at its time budget and finishes the rest on the next run", async () => {
      yookassa.sandbox().faults.dropNotifications(true)
      const token = await shopper()
      const carts = [await cartWith(token, products[4]), await cartWith(token, products[5])]
      for (const cart of carts) {
        const session = await startSession(cart.collectionId, token)
        await yookassa.sandbox().pay(session.data.id)
      }
      const later = new Date(Date.now() + 10 * 60_000)
      const spent = await reconcileYookassaPayments(getContainer(), { now: later, budgetMs: 0 })
      expect(spent.checked).toBe(0)
      expect(spent.deferred).toBeGreaterThanOrEqual(2)
      for (const cart of carts) {
        expect(await ordersOfCart(cart.cartId)).toEqual([])
      }
      await reconcileYookassaPayments(getContainer(), { now: later })
      for (const cart of carts) {
        expect(await ordersOfCart(cart.cartId)).toHaveLength(1)
      }
    })
  },
})
