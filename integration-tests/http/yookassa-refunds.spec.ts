import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { until } from "../helpers/until"

jest.setTimeout(240_000)

const PROVIDER = "pp_yookassa_yookassa"
const ADMIN = { email: "refunds@aistore.test", password: "correct horse battery staple" }
const yookassa = useYookassaSandbox(19_700)

type Course = {
  id: string
  title: string
  variants: Array<{ id: string; calculated_price: { calculated_amount: number } }>
}
type MedusaRefund = { id: string; amount: number; note: string | null }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let admin: { headers: Record<string, string> }
    let config: StorefrontConfig
    /** Two paid courses of different prices, so a refund of one names exactly one. */
    let courses: [Course, Course]
    let outcomes: jest.SpyInstance

    const price = (course: Course) => course.variants[0].calculated_price.calculated_amount

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: true })
      const baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      yookassa.sandbox().setWebhookUrl(`${baseUrl}/hooks/payment/yookassa_yookassa`)
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
      const { data } = await api.get(
        `/store/products?limit=20&region_id=${config.region_id}&fields=id,title,*variants.calculated_price`,
        { headers }
      )
      const paid = (data.products as Course[]).filter((course) => price(course) > 0)
      const other = paid.find((course) => price(course) !== price(paid[0]))!
      courses = [paid[0], other]

      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      const { data: login } = await api.post("/auth/user/emailpass", ADMIN)
      admin = { headers: { authorization: `Bearer ${login.token}` } }
      // The dashboard-refund subscriber says what it did with each notification.
      outcomes = jest.spyOn(container.resolve(ContainerRegistrationKeys.LOGGER), "debug")
    })

    beforeEach(() => {
      yookassa.sandbox().faults.reset()
    })

    /** An order for both courses, paid at Yookassa, as the Mini App and the webhook make it. */
    async function paidOrder() {
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
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: created.cart.id },
        { headers }
      )
      const { data: started } = await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: PROVIDER },
        { headers }
      )
      const yookassaPaymentId: string = started.payment_collection.payment_sessions[0].data.id
      await yookassa.sandbox().pay(yookassaPaymentId)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const orderId = await until(async () => {
        const { data } = await query.graph({
          entity: "order_cart",
          fields: ["order_id", "order.payment_collections.payments.captured_at"],
          filters: { cart_id: created.cart.id },
        })
        return (data[0] as any)?.order?.payment_collections?.[0]?.payments?.[0]?.captured_at
          ? ((data[0] as any).order_id as string)
          : undefined
      }, "the paid order")
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin)
      return { orderId, paymentId: data.order.payment_collections[0].payments[0].id as string, yookassaPaymentId }
    }

    const refund = (paymentId: string, amount: number) =>
      api.post(`/admin/payments/${paymentId}/refund`, { amount }, admin).catch((error: any) => {
        throw new Error(`refund refused: ${JSON.stringify(error.response?.data)}`)
      })

    async function medusaRefunds(orderId: string): Promise<MedusaRefund[]> {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments.refunds`, admin)
      return data.order.payment_collections[0].payments[0].refunds
    }

    async function widgetRefunds(orderId: string): Promise<Array<{ id: string; source: string }>> {
      const { data } = await api.get(`/admin/orders/${orderId}/yookassa`, admin)
      return data.payments[0].refunds
    }

    /** What the subscriber did with each copy of a refund's notification, once `copies` were handled. */
    const outcomesOf = (yookassaRefundId: string) =>
      outcomes.mock.calls
        .map(([message]) => String(message))
        .filter((message) => message.startsWith(`Yookassa refund ${yookassaRefundId}:`))
        .map((message) => message.split(": ")[1])

    /** The refunds asked of Yookassa for one payment since request number `since`. */
    const refundCreations = (since: number, yookassaPaymentId: string) =>
      yookassa
        .sandbox()
        .requests.slice(since)
        .filter(
          (request) =>
            request.method === "POST" &&
            request.path === "/v3/refunds" &&
            (request.body as { payment_id?: string } | undefined)?.payment_id === yookassaPaymentId
        )

    it("a partial refund's receipt names the course refunded", async () => {
      const { paymentId, yookassaPaymentId } = await paidOrder()
      await refund(paymentId, price(courses[1]))
      const [made] = yookassa.sandbox().refunds(yookassaPaymentId)
      expect(made.receipt!.items.map((item) => [item.description, item.quantity, item.amount.value])).toEqual([
        [courses[1].title, "1.00", price(courses[1]).toFixed(2)],
      ])
    })

    it("two equal refunds from the admin in quick succession are two refunds at Yookassa and two in Medusa", async () => {
      const { orderId, paymentId, yookassaPaymentId } = await paidOrder()
      const before = yookassa.sandbox().requests.length
      // A double click: the second arrives while Yookassa's answer to the first is still on its way.
      yookassa.sandbox().faults.slowNext(1, 1_500, { method: "POST", path: /^\/v3\/refunds$/ })
      const first = refund(paymentId, 100)
      await until(
        () => (refundCreations(before, yookassaPaymentId).some((request) => request.status === 200) ? true : undefined),
        "the first refund at Yookassa"
      )
      await Promise.all([first, refund(paymentId, 100)])

      const recorded = await medusaRefunds(orderId)
      expect(recorded.map((entry) => entry.amount)).toEqual([100, 100])
      const made = yookassa.sandbox().refunds(yookassaPaymentId)
      expect(made.map((entry) => entry.amount.value)).toEqual(["100.00", "100.00"])
      // Each Yookassa refund was made under its own Medusa refund's id.
      expect(
        refundCreations(before, yookassaPaymentId)
          .map((request) => request.idempotenceKey)
          .sort()
      ).toEqual(recorded.map((entry) => entry.id).sort())

      // Their refund.succeeded notifications are known as Medusa's own: nothing more is recorded.
      await yookassa.sandbox().flushNotifications()
      for (const entry of made) {
        await until(() => (outcomesOf(entry.id).length ? true : undefined), `the notification of ${entry.id}`)
        expect(outcomesOf(entry.id)).toEqual(["medusa_refund"])
      }
      expect(await medusaRefunds(orderId)).toHaveLength(2)
      // The order page's widget tells both apart as the admin's, whichever of the two saved last.
      expect((await widgetRefunds(orderId)).map((entry) => entry.source)).toEqual(["medusa", "medusa"])
    })

    it("the same dashboard refund notified five times at once is recorded once", async () => {
      const { orderId, yookassaPaymentId } = await paidOrder()
      yookassa.sandbox().faults.duplicateNotifications(5)
      const dashboard = await yookassa.sandbox().refundFromDashboard(yookassaPaymentId, "100.00")
      await yookassa.sandbox().flushNotifications()
      // Until every copy was handled, or the refund shows up more than once.
      await until(
        async () =>
          outcomesOf(dashboard.id).length >= 5 || (await medusaRefunds(orderId)).length > 1 ? true : undefined,
        "every copy of the notification to be handled"
      )
      const recorded = await medusaRefunds(orderId)
      expect(recorded.map((entry) => [entry.amount, entry.note])).toEqual([
        [100, `Refund ${dashboard.id} made in Yookassa's dashboard`],
      ])
      expect(outcomesOf(dashboard.id).sort()).toEqual([
        "already_recorded",
        "already_recorded",
        "already_recorded",
        "already_recorded",
        "recorded",
      ])
      // Recorded by adopting the dashboard refund, not by refunding again.
      expect(yookassa.sandbox().refunds(yookassaPaymentId)).toEqual([expect.objectContaining({ id: dashboard.id })])
    })

    it("a dashboard refund racing an equal admin refund: each is recorded once, nothing is refunded twice", async () => {
      const { orderId, paymentId, yookassaPaymentId } = await paidOrder()
      const before = yookassa.sandbox().requests.length
      // The dashboard refund's notification is still on its way when the admin refunds the same amount.
      yookassa.sandbox().faults.reorderNotifications(true)
      const dashboard = await yookassa.sandbox().refundFromDashboard(yookassaPaymentId, "100.00")
      await refund(paymentId, 100)
      yookassa.sandbox().faults.reorderNotifications(false)
      await yookassa.sandbox().flushNotifications()

      const made = yookassa.sandbox().refunds(yookassaPaymentId)
      expect(made.map((entry) => entry.amount.value)).toEqual(["100.00", "100.00"])
      const ownRefund = made.find((entry) => entry.id !== dashboard.id)!
      await until(
        () => (outcomesOf(dashboard.id).length && outcomesOf(ownRefund.id).length ? true : undefined),
        "both notifications to be handled"
      )
      expect(outcomesOf(dashboard.id)).toEqual(["recorded"])
      expect(outcomesOf(ownRefund.id)).toEqual(["medusa_refund"])

      const recorded = await medusaRefunds(orderId)
      expect(recorded.map((entry) => entry.amount)).toEqual([100, 100])
      const adminRefund = recorded.find((entry) => !entry.note)!
      expect(refundCreations(before, yookassaPaymentId).map((request) => request.idempotenceKey)).toEqual([
        adminRefund.id,
      ])
      expect(
        recorded.filter((entry) => entry.note === `Refund ${dashboard.id} made in Yookassa's dashboard`)
      ).toHaveLength(1)
      expect(Object.fromEntries((await widgetRefunds(orderId)).map((entry) => [entry.id, entry.source]))).toEqual({
        [dashboard.id]: "yookassa",
        [ownRefund.id]: "medusa",
      })
    })
  },
})
