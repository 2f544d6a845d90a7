import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { until } from "../helpers/until"

jest.setTimeout(240_000)

const PROVIDER = "pp_yookassa_yookassa"
const ADMIN = { email: "rounding@aistore.test", password: "correct horse battery staple" }
const PROMO_CODE = "ROUNDING777"
/** 19 990 + 12 990 + 7 990 = 40 970 ₽; 7.77 % off leaves 37 786.631 ₽, paid as 37 786.63 ₽. */
const COURSES = ["deep-learning-pytorch", "machine-learning-foundations", "python-for-data-analysis"]
const yookassa = useYookassaSandbox(19_620)

type Course = { id: string; handle: string; variants: Array<{ id: string }> }
type ReceiptItem = { quantity: string; amount: { value: string } }

/** Σ unit price × quantity in kopecks, as Yookassa checks a receipt. */
const receiptKopecks = (items: ReceiptItem[]) =>
  items.reduce((sum, item) => sum + Math.round(Number(item.amount.value) * 100) * Math.round(Number(item.quantity)), 0)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let admin: { headers: Record<string, string> }
    let config: StorefrontConfig
    let courses: Course[]

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: true })
      const baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      yookassa.sandbox().setWebhookUrl(`${baseUrl}/hooks/payment/yookassa_yookassa`)
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
      const { data } = await api.get(`/store/products?limit=50&fields=id,handle,*variants`, { headers })
      courses = COURSES.map((handle) => (data.products as Course[]).find((course) => course.handle === handle)!)

      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      const { data: login } = await api.post("/auth/user/emailpass", ADMIN)
      admin = { headers: { authorization: `Bearer ${login.token}` } }
      // The merchant's promotion, made as in the admin: 7.77 % off the whole order.
      await api.post(
        "/admin/promotions",
        {
          code: PROMO_CODE,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "percentage", target_type: "order", allocation: "across", value: 7.77 },
        },
        admin
      )
    })

    /** A cart of the three courses with the promotion, as the Mini App makes it. */
    async function discountedCart() {
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "buyer@example.ru" },
        { headers }
      )
      for (const course of courses) {
        await api.post(
          `/store/carts/${created.cart.id}/line-items`,
          { variant_id: course.variants[0].id, quantity: 1 },
          { headers }
        )
      }
      const { data } = await api.post(
        `/store/carts/${created.cart.id}/promotions`,
        { promo_codes: [PROMO_CODE] },
        { headers }
      )
      return data.cart as { id: string; total: number; items: Array<{ total: number }> }
    }

    async function paidOrderId(cartId: string): Promise<string> {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      return until(async () => {
        const { data } = await query.graph({
          entity: "order_cart",
          fields: ["order_id", "order.payment_collections.payments.captured_at"],
          filters: { cart_id: cartId },
        })
        const row = data[0] as any
        return row?.order?.payment_collections?.[0]?.payments?.[0]?.captured_at ? (row.order_id as string) : undefined
      }, `the paid order of ${cartId}`)
    }

    /** The discounted cart's session, paid at the sandbox, and the order it became. */
    async function paidDiscountedOrder() {
      const cart = await discountedCart()
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
      const { data: started } = await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: PROVIDER },
        { headers }
      )
      const yookassaPaymentId: string = started.payment_collection.payment_sessions[0].data.id
      await yookassa.sandbox().pay(yookassaPaymentId)
      const orderId = await paidOrderId(cart.id)
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin)
      return { orderId, paymentId: data.order.payment_collections[0].payments[0].id as string, yookassaPaymentId }
    }

    const refund = (paymentId: string, amount: number) =>
      api.post(`/admin/payments/${paymentId}/refund`, { amount }, admin).catch((error: any) => {
        throw new Error(`refund refused: ${error.response?.status} ${JSON.stringify(error.response?.data)}`)
      })

    it("a 7.77 % promotion on three courses (37 786.631 ₽) is paid as 37 786.63 ₽, settles, and refunds in full", async () => {
      const cart = await discountedCart()
      expect(cart.total).toBe(37786.631)

      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
      const started = await api
        .post(
          `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
          { provider_id: PROVIDER },
          { headers }
        )
        .catch((error: any) => {
          throw new Error(`session refused: ${error.response?.status} ${JSON.stringify(error.response?.data)}`)
        })
      const session = started.data.payment_collection.payment_sessions[0]
      expect(session.amount).toBe(37786.631)

      // Yookassa is asked for the total rounded as Medusa rounds it, with a receipt adding up to it.
      const payment = yookassa.sandbox().payment(session.data.id)!
      expect(payment.amount).toEqual({ value: "37786.63", currency: "RUB" })
      const items = payment.receipt!.items as ReceiptItem[]
      expect(receiptKopecks(items)).toBe(3_778_663)
      expect(items.map((item) => item.amount.value)).toEqual(["18436.77", "11980.68", "7369.18"])

      await yookassa.sandbox().pay(session.data.id)
      const orderId = await paidOrderId(cart.id)
      const fields = "id,total,payment_status,*payment_collections,*payment_collections.payments.captures"
      const { data: placed } = await api.get(`/admin/orders/${orderId}?fields=${fields}`, admin)
      expect(placed.order.total).toBe(37786.631)
      expect(placed.order.payment_status).toBe("captured")
      expect(placed.order.payment_collections[0].status).toBe("completed")
      const medusaPayment = placed.order.payment_collections[0].payments[0]

      // A full refund of the order's amount refunds what Yookassa took, and Medusa records it in full.
      await api.post(`/admin/payments/${medusaPayment.id}/refund`, { amount: 37786.631 }, admin).catch((error: any) => {
        throw new Error(`refund refused: ${error.response?.status} ${JSON.stringify(error.response?.data)}`)
      })
      const [refund] = yookassa.sandbox().refunds(session.data.id)
      expect(refund.amount).toEqual({ value: "37786.63", currency: "RUB" })
      expect(receiptKopecks(refund.receipt!.items as ReceiptItem[])).toBe(3_778_663)
      expect(yookassa.sandbox().payment(session.data.id)!.refunded_amount).toEqual({
        value: "37786.63",
        currency: "RUB",
      })
      const { data: refunded } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, admin)
      expect(refunded.order.payment_status).toBe("refunded")
    })

    it("refunds in parts that round up never ask Yookassa for more than it took, and still add up to a full refund", async () => {
      const { orderId, paymentId, yookassaPaymentId } = await paidDiscountedOrder()
      // 100.005 rounds half up to 100.01; the rest, 37 686.626, would round to 37 686.63: one kopeck too many.
      await refund(paymentId, 100.005)
      await refund(paymentId, 37686.626)
      const made = yookassa.sandbox().refunds(yookassaPaymentId)
      expect(made.map((entry) => entry.amount.value)).toEqual(["100.01", "37686.62"])
      for (const entry of made) {
        expect(receiptKopecks(entry.receipt!.items as ReceiptItem[])).toBe(Math.round(Number(entry.amount.value) * 100))
      }
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, admin)
      expect(data.order.payment_status).toBe("refunded")
    })

    it("a refund that rounds to nothing is refused with a 400 naming it, not a 500", async () => {
      const { paymentId } = await paidDiscountedOrder()
      const refused = await api
        .post(`/admin/payments/${paymentId}/refund`, { amount: 0.004 }, admin)
        .catch((error: any) => error.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("rounds to 0.00")
    })
  },
})
