import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { RETURN_URL, useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { until } from "../helpers/until"
import { reconcileYookassaPayments } from "../../plugins/payment-yookassa/src/reconciliation/reconcile-yookassa-payments"
import { errorResponse } from "../helpers/http"

jest.setTimeout(240_000)

const PROVIDER = "pp_yookassa_yookassa"
const ADMIN = { email: "merchant@aistore.test", password: "correct horse battery staple" }
const yookassa = useYookassaSandbox(19_500)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig
    let headers: Record<string, string>
    let products: Array<{
      id: string
      title: string
      variants: Array<{ id: string; calculated_price: { calculated_amount: number } }>
    }>

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
      const baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      yookassa.sandbox().setWebhookUrl(`${baseUrl}/hooks/payment/yookassa_yookassa`)
    })

    beforeEach(async () => {
      yookassa.sandbox().faults.reset()
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
      const { data } = await api.get(
        `/store/products?limit=3&region_id=${config.region_id}&fields=id,title,*variants.calculated_price`,
        { headers }
      )
      products = data.products
    })

    /** A cart with courses, its payment collection and a Yookassa session, as the Mini App makes them. */
    async function checkout({
      email = "buyer@example.ru",
      courses = 1,
      clientData,
    }: { email?: string | null; courses?: number; clientData?: object } = {}) {
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: config.region_id, ...(email ? { email } : {}) },
        { headers }
      )
      const cartId: string = created.cart.id
      for (const product of products.slice(0, courses)) {
        await api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: product.variants[0].id, quantity: 1 },
          { headers }
        )
      }
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      const collectionId: string = collection.payment_collection.id
      const session = await startSession(collectionId, clientData)
      return { cartId, collectionId, session }
    }

    async function startSession(collectionId: string, clientData?: object) {
      const { data } = await api.post(
        `/store/payment-collections/${collectionId}/payment-sessions`,
        { provider_id: PROVIDER, ...(clientData ? { data: clientData } : {}) },
        { headers }
      )
      const session = data.payment_collection.payment_sessions.find((entry: any) => entry.provider_id === PROVIDER)
      return session as { id: string; status: string; amount: number; data: Record<string, any> }
    }

    async function ordersOfCart(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order_cart",
        fields: [
          "order_id",
          "order.total",
          "order.payment_collections.payments.amount",
          "order.payment_collections.payments.captured_at",
        ],
        filters: { cart_id: cartId },
      })
      return data as any[]
    }

    /** The cart's orders once one exists and its payment is captured (one workflow writes both). */
    const orderOf = (cartId: string) =>
      until(async () => {
        const orders = await ordersOfCart(cartId)
        const captured = orders.length && orders[0].order.payment_collections?.[0]?.payments?.[0]?.captured_at
        return captured ? orders : undefined
      }, `a paid order for ${cartId}`)

    it("pays a cart: session → Pay → webhook → exactly one order with the right amount and receipt; client data is ignored", async () => {
      const { cartId, session } = await checkout({
        courses: 2,
        clientData: {
          amount: 1,
          return_url: "https://evil.example/steal",
          receipt: { items: [] },
          description: "free",
        },
      })
      const expected =
        products[0].variants[0].calculated_price.calculated_amount +
        products[1].variants[0].calculated_price.calculated_amount
      expect(session.amount).toBe(expected)
      expect(session.data.confirmation_url).toEqual(expect.stringContaining("/checkout/"))
      expect(session.data.return_url).toBeUndefined()

      const payment = yookassa.sandbox().payment(session.data.id)!
      expect(payment.amount).toEqual({ value: expected.toFixed(2), currency: "RUB" })
      expect(payment.confirmation).toMatchObject({
        type: "redirect",
        return_url: `${RETURN_URL}?startapp=order_${cartId}`,
      })
      expect(payment.metadata).toMatchObject({ session_id: session.id, cart_id: cartId })
      // What the shopper's bank shows names the courses; the cart's id stays in the shop's metadata.
      expect(payment.description).toBe(
        `Оплата в AI Store: ${products
          .slice(0, 2)
          .map((product) => product.title)
          .join(", ")}`.slice(0, 128)
      )
      expect(payment.receipt!.customer).toEqual({ email: "buyer@example.ru" })
      expect(
        payment.receipt!.items.map((item: any) => [
          item.description,
          item.quantity,
          item.amount.value,
          item.payment_subject,
          item.payment_mode,
        ])
      ).toEqual(
        products
          .slice(0, 2)
          .map((product) => [
            product.title,
            "1.00",
            product.variants[0].calculated_price.calculated_amount.toFixed(2),
            "service",
            "full_payment",
          ])
      )

      await yookassa.sandbox().pay(session.data.id)
      // One-stage by default: Yookassa captured it at once.
      expect(yookassa.sandbox().payment(session.data.id)!.status).toBe("succeeded")
      const orders = await orderOf(cartId)
      expect(orders).toHaveLength(1)
      expect(Number(orders[0].order.total)).toBe(expected)
      expect(orders[0].order.payment_collections[0].payments).toEqual([
        expect.objectContaining({ captured_at: expect.anything() }),
      ])

      // The shopper coming back and completing gets the same order, not a second one.
      const { data: completed } = await api
        .post(`/store/carts/${cartId}/complete`, {}, { headers })
        .catch((error: any) => {
          throw new Error(JSON.stringify(error.response.data))
        })
      expect(completed.type).toBe("order")
      expect(completed.order.id).toBe(orders[0].order_id)
      expect(await ordersOfCart(cartId)).toHaveLength(1)
    })

    it("refuses a session without an e-mail or phone for the receipt (400, a message the Mini App can show)", async () => {
      const { data: created } = await api.post("/store/carts", { region_id: config.region_id }, { headers })
      await api.post(
        `/store/carts/${created.cart.id}/line-items`,
        { variant_id: products[0].variants[0].id, quantity: 1 },
        { headers }
      )
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: created.cart.id },
        { headers }
      )
      const before = yookassa.sandbox().payments().length
      const response = await api
        .post(
          `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
          { provider_id: PROVIDER },
          { headers }
        )
        .catch(errorResponse)
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/e-mail or phone number is needed for the receipt/)
      expect(yookassa.sandbox().payments()).toHaveLength(before)
    })

    it("a declined payment places no order, ends the session, and the shopper can pay again", async () => {
      const { cartId, collectionId, session } = await checkout()
      await yookassa.sandbox().decline(session.data.id)

      const canceled = await until(async () => {
        const { data } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, {
          headers,
        })
        const current = data.cart.payment_collection.payment_sessions.find((entry: any) => entry.id === session.id)
        return current?.status === "canceled" ? current : undefined
      }, "the session to be canceled")
      expect(canceled.data.status).toBe("canceled")
      const completion = await api.post(`/store/carts/${cartId}/complete`, {}, { headers }).catch(errorResponse)
      expect(completion.status).toBeGreaterThanOrEqual(400)
      expect(completion.status).toBeLessThan(500)
      expect(await ordersOfCart(cartId)).toHaveLength(0)

      const retry = await startSession(collectionId)
      expect(retry.data.id).not.toBe(session.data.id)
      await yookassa.sandbox().pay(retry.data.id)
      expect(await orderOf(cartId)).toHaveLength(1)
    })

    it("a stale payment paid after the shopper started again is refunded automatically; one order", async () => {
      const { cartId, collectionId, session: first } = await checkout()
      const second = await startSession(collectionId)
      expect(second.data.id).not.toBe(first.data.id)

      await yookassa.sandbox().pay(second.data.id)
      const [order] = await orderOf(cartId)
      // The first payment page, still open in another tab, is paid too.
      await yookassa.sandbox().pay(first.data.id)
      const refund = await until(() => yookassa.sandbox().refunds(first.data.id)[0], "the stale payment's refund")
      expect(refund.amount.value).toBe(yookassa.sandbox().payment(first.data.id)!.amount.value)
      expect(yookassa.sandbox().refunds(second.data.id)).toHaveLength(0)
      expect(await ordersOfCart(cartId)).toEqual([expect.objectContaining({ order_id: order.order_id })])
    })

    it("20 duplicate webhooks racing the shopper's own completion give one order and one capture", async () => {
      yookassa.sandbox().faults.duplicateNotifications(20)
      const { cartId, session } = await checkout()
      await yookassa.sandbox().pay(session.data.id)
      const shopper = await api.post(`/store/carts/${cartId}/complete`, {}, { headers }).catch(errorResponse)
      await yookassa.sandbox().flushNotifications()
      const orders = await orderOf(cartId)
      expect(orders).toHaveLength(1)
      expect(orders[0].order.payment_collections[0].payments).toHaveLength(1)
      // The shopper's own completion waits for the cart's lock and finds the one order.
      expect([shopper.status, shopper.data.order?.id]).toEqual([200, orders[0].order_id])
      // Whatever was still queued settles to the same single order.
      await until(async () => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({
          entity: "payment",
          fields: ["id"],
          filters: { payment_session_id: session.id },
        })
        return data.length === 1 ? true : undefined
      }, "one payment")
      expect(await ordersOfCart(cartId)).toHaveLength(1)
    })

    it("retries a 500 on create with the same Idempotence-Key: one payment at Yookassa", async () => {
      const before = yookassa.sandbox().payments().length
      yookassa.sandbox().faults.failNext(1, 500, { method: "POST", path: /^\/v3\/payments$/ })
      const { session } = await checkout()
      expect(yookassa.sandbox().payments()).toHaveLength(before + 1)
      const creates = yookassa
        .sandbox()
        .requests.filter((request) => request.method === "POST" && request.path === "/v3/payments")
        .slice(-2)
      expect(creates.map((request) => request.status)).toEqual([500, 200])
      expect(creates[0].idempotenceKey).toBe(session.id)
      expect(creates[1].idempotenceKey).toBe(session.id)
    })

    it("places the order from the reconciliation job when every webhook was lost", async () => {
      yookassa.sandbox().faults.dropNotifications(true)
      const { cartId, session } = await checkout()
      await yookassa.sandbox().pay(session.data.id)
      expect(await ordersOfCart(cartId)).toHaveLength(0)

      const summary = await reconcileYookassaPayments(getContainer(), { now: new Date(Date.now() + 10 * 60_000) })
      expect(summary.completed).toBeGreaterThanOrEqual(1)
      const orders = await orderOf(cartId)
      expect(orders).toHaveLength(1)
      expect(orders[0].order.payment_collections[0].payments).toEqual([
        expect.objectContaining({ captured_at: expect.anything() }),
      ])
      // Running it again changes nothing.
      await reconcileYookassaPayments(getContainer(), { now: new Date(Date.now() + 10 * 60_000) })
      expect(await ordersOfCart(cartId)).toHaveLength(1)
    })

    it("the reconciliation job refunds a paid payment whose session was deleted, once", async () => {
      yookassa.sandbox().faults.dropNotifications(true)
      const { collectionId, session: first } = await checkout()
      await startSession(collectionId)
      await yookassa.sandbox().pay(first.data.id)
      expect(yookassa.sandbox().refunds(first.data.id)).toHaveLength(0)

      await reconcileYookassaPayments(getContainer())
      await reconcileYookassaPayments(getContainer())
      expect(yookassa.sandbox().refunds(first.data.id)).toHaveLength(1)
    })

    describe("refunds", () => {
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
        const { cartId, session } = await checkout({ courses: 2 })
        await yookassa.sandbox().pay(session.data.id)
        const [row] = await orderOf(cartId)
        const { data } = await api.get(`/admin/orders/${row.order_id}?fields=id,total,*payment_collections.payments`, {
          headers: adminHeaders,
        })
        return { order: data.order, payment: data.order.payment_collections[0].payments[0], session }
      }

      it("a refund from the admin goes to Yookassa with a refund receipt and shows on the order", async () => {
        const { order, payment, session } = await paidOrder()
        const amount = products[0].variants[0].calculated_price.calculated_amount
        await api.post(`/admin/payments/${payment.id}/refund`, { amount }, { headers: adminHeaders })

        const refunds = yookassa.sandbox().refunds(session.data.id)
        expect(refunds).toHaveLength(1)
        expect(refunds[0].amount.value).toBe(amount.toFixed(2))
        expect(refunds[0].receipt?.items.map((item: any) => item.amount.value)).toEqual([amount.toFixed(2)])
        const { data } = await api.get(`/admin/orders/${order.id}?fields=id,*payment_collections.payments.refunds`, {
          headers: adminHeaders,
        })
        expect(data.order.payment_collections[0].payments[0].refunds.map((refund: any) => refund.amount)).toEqual([
          amount,
        ])
      })

      it("a refund made in Yookassa's dashboard is recorded on the order without a second refund", async () => {
        const { order, session } = await paidOrder()
        const dashboard = await yookassa.sandbox().refundFromDashboard(session.data.id, "100.00")
        const refunds = await until(async () => {
          const { data } = await api.get(`/admin/orders/${order.id}?fields=id,*payment_collections.payments.refunds`, {
            headers: adminHeaders,
          })
          const recorded = data.order.payment_collections[0].payments[0].refunds
          return recorded.length ? recorded : undefined
        }, "the dashboard refund on the order")
        expect(refunds.map((refund: any) => refund.amount)).toEqual([100])
        await yookassa.sandbox().flushNotifications()
        expect(yookassa.sandbox().refunds(session.data.id)).toEqual([expect.objectContaining({ id: dashboard.id })])
      })
    })
  },
})
