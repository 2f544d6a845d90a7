import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { until } from "../helpers/until"
import { errorResponse } from "../helpers/http"

jest.setTimeout(180_000)

const PROVIDER = "pp_yookassa_yookassa"
const ADMIN = { email: "merchant@aistore.test", password: "correct horse battery staple" }
const yookassa = useYookassaSandbox(19_580, { YOOKASSA_CAPTURE_MODE: "two-stage" })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let adminHeaders: Record<string, string>
    let config: StorefrontConfig
    let variantId: string

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: true })
      yookassa.sandbox().setWebhookUrl(`${(api as any).defaults.baseURL}/hooks/payment/yookassa_yookassa`)
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
      const { data } = await api.get(`/store/products?limit=1&region_id=${config.region_id}&fields=id,*variants`, {
        headers,
      })
      variantId = data.products[0].variants[0].id
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      adminHeaders = { authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}` }
    })

    beforeEach(() => yookassa.sandbox().faults.reset())

    async function cartWithSession() {
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "buyer@example.ru" },
        { headers }
      )
      await api.post(`/store/carts/${created.cart.id}/line-items`, { variant_id: variantId, quantity: 1 }, { headers })
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: created.cart.id },
        { headers }
      )
      const session = await startSession(collection.payment_collection.id)
      return { cartId: created.cart.id as string, collectionId: collection.payment_collection.id as string, session }
    }

    async function startSession(collectionId: string) {
      const { data } = await api.post(
        `/store/payment-collections/${collectionId}/payment-sessions`,
        { provider_id: PROVIDER },
        { headers }
      )
      return data.payment_collection.payment_sessions[0] as { id: string; data: { id: string } }
    }

    /** The cart's order once it has its payment (one workflow writes both). */
    async function orderOf(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      return until(async () => {
        const { data } = await query.graph({
          entity: "order_cart",
          fields: ["order_id", "order.payment_collections.payments.id"],
          filters: { cart_id: cartId },
        })
        return data[0]?.order?.payment_collections?.[0]?.payments?.length ? (data[0].order_id as string) : undefined
      }, `an order with its payment for ${cartId}`)
    }

    it("places the order on authorization and captures at Yookassa when the merchant captures", async () => {
      const { cartId, session } = await cartWithSession()
      await yookassa.sandbox().pay(session.data.id)
      expect(yookassa.sandbox().payment(session.data.id)!.status).toBe("waiting_for_capture")
      const orderId = await orderOf(cartId)

      // The collection's status (which payment_status reads) is written a moment after the payment.
      const before = await until(async () => {
        const { data } = await api.get(
          `/admin/orders/${orderId}?fields=id,payment_status,*payment_collections.payments`,
          { headers: adminHeaders }
        )
        return data.order.payment_status === "not_paid" ? undefined : data
      }, `order ${orderId}'s payment status`)
      expect(before.order.payment_status).toBe("authorized")
      const payment = before.order.payment_collections[0].payments[0]

      await api.post(`/admin/payments/${payment.id}/capture`, {}, { headers: adminHeaders })
      expect(yookassa.sandbox().payment(session.data.id)!.status).toBe("succeeded")
      const { data: after } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, {
        headers: adminHeaders,
      })
      expect(after.order.payment_status).toBe("captured")
      // Capturing again succeeds without a second capture at Yookassa.
      const captures = () =>
        yookassa
          .sandbox()
          .requests.filter((request) => request.path.endsWith(`${session.data.id}/capture`) && request.status === 200)
      expect(captures()).toHaveLength(1)
    })

    it("a canceled order cancels its authorized payment at Yookassa", async () => {
      const { cartId, session } = await cartWithSession()
      await yookassa.sandbox().pay(session.data.id)
      const orderId = await orderOf(cartId)
      await api.post(`/admin/orders/${orderId}/cancel`, {}, { headers: adminHeaders })
      expect(yookassa.sandbox().payment(session.data.id)!.status).toBe("canceled")
      expect(yookassa.sandbox().payment(session.data.id)!.cancellation_details).toEqual({
        party: "merchant",
        reason: "canceled_by_merchant",
      })
    })

    it("a tap on Pay after paying but before the webhook finds the order: nothing canceled, no second payment", async () => {
      yookassa.sandbox().faults.dropNotifications(true)
      const { cartId, collectionId, session } = await cartWithSession()
      await yookassa.sandbox().pay(session.data.id)
      const before = yookassa.sandbox().payments().length

      const again = await api
        .post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: PROVIDER }, { headers })
        .catch(errorResponse)
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/^This cart is already paid: order #\d+ \(order_/)
      await orderOf(cartId)
      expect(yookassa.sandbox().payment(session.data.id)!.status).toBe("waiting_for_capture")
      expect(yookassa.sandbox().payments()).toHaveLength(before)
    })

    it("a replaced session's payment paid later is canceled, not refunded; the order's held payment is never touched", async () => {
      const { cartId, collectionId, session: first } = await cartWithSession()
      const second = await startSession(collectionId)
      await yookassa.sandbox().pay(second.data.id)
      await orderOf(cartId)

      // The first payment's page is still open and gets paid: nothing owns it.
      await yookassa.sandbox().pay(first.data.id)
      await until(
        () => (yookassa.sandbox().payment(first.data.id)!.status === "canceled" ? true : undefined),
        "the stale payment to be canceled"
      )
      expect(yookassa.sandbox().refunds(first.data.id)).toHaveLength(0)

      // A second tap after the order is refused, and the order's own held payment stays held.
      const again = await api
        .post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: PROVIDER }, { headers })
        .catch(errorResponse)
      expect(again.status).toBe(400)
      await yookassa.sandbox().flushNotifications()
      expect(yookassa.sandbox().payment(second.data.id)!.status).toBe("waiting_for_capture")
    })
  },
})
