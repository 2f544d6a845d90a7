import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { until } from "../helpers/until"
import { errorResponse } from "../helpers/http"

jest.setTimeout(180_000)

const PROVIDER = "pp_yookassa_yookassa"
const WEBHOOK = "/hooks/payment/yookassa_yookassa"
// Behind one proxy, as in production: only the address that proxy appended counts.
const yookassa = useYookassaSandbox(19_550, { TRUSTED_PROXY_HOPS: "1" })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig
    let headers: Record<string, string>

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
    })

    async function paidOutsideTheStore() {
      const { data: catalogue } = await api.get(
        `/store/products?limit=1&region_id=${config.region_id}&fields=id,*variants`,
        { headers }
      )
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "buyer@example.ru" },
        { headers }
      )
      await api.post(
        `/store/carts/${created.cart.id}/line-items`,
        { variant_id: catalogue.products[0].variants[0].id, quantity: 1 },
        { headers }
      )
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: created.cart.id },
        { headers }
      )
      const { data } = await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: PROVIDER },
        { headers }
      )
      const session = data.payment_collection.payment_sessions[0]
      return {
        cartId: created.cart.id as string,
        paymentId: session.data.id as string,
        sessionId: session.id as string,
      }
    }

    const notify = (body: unknown, forwardedFor?: string) =>
      api.post(WEBHOOK, body, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }).catch(errorResponse)

    const notification = (paymentId: string, event = "payment.succeeded") => ({
      type: "notification",
      event,
      object: { id: paymentId, status: "succeeded", paid: true, amount: { value: "1.00", currency: "RUB" } },
    })

    async function ordersOfCart(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data
    }

    it("refuses senders outside Yookassa's ranges, and never believes what a client wrote in X-Forwarded-For", async () => {
      const { cartId, paymentId } = await paidOutsideTheStore()
      // Paid at Yookassa, but its own notification is lost: only forged ones arrive.
      yookassa.sandbox().faults.dropNotifications(true)
      await yookassa.sandbox().pay(paymentId)

      expect((await notify(notification(paymentId), "203.0.113.9")).status).toBe(403)
      // The client claims Yookassa's address; the proxy appends the real one.
      expect((await notify(notification(paymentId), "185.71.76.5, 203.0.113.9")).status).toBe(403)
      // Refused before anything was queued: there is nothing to wait for.
      expect(
        yookassa
          .sandbox()
          .requests.filter((request) => request.path === `/v3/payments/${paymentId}` && request.method === "GET")
      ).toHaveLength(0)
      expect(await ordersOfCart(cartId)).toHaveLength(0)

      // From Yookassa's range through the proxy: accepted, and the API confirms it.
      expect((await notify(notification(paymentId), "185.71.76.5")).status).toBe(200)
      await until(async () => ((await ordersOfCart(cartId)).length ? true : undefined), "the order")
    })

    it("cannot be reached around the sender check through Medusa's dynamic route", async () => {
      for (const path of [
        "/hooks/payment/yookassa%5Fyookassa",
        "/hooks/payment/%79ookassa_yookassa",
        "/hooks/payment/yookassa%5fyookassa/",
      ]) {
        const response = await api
          .post(path, notification("x"), { headers: { "x-forwarded-for": "203.0.113.9" } })
          .catch(errorResponse)
        expect(response.status).toBe(404)
      }
    })

    it("from inside the range while the API still says pending: no order", async () => {
      const { cartId, paymentId, sessionId } = await paidOutsideTheStore()
      // The body lies: the API is asked, and it says the payment is pending.
      expect((await notify(notification(paymentId), "185.71.76.5")).status).toBe(200)
      await until(
        () =>
          yookassa
            .sandbox()
            .requests.find((request) => request.method === "GET" && request.path === `/v3/payments/${paymentId}`),
        "the provider to re-read the payment"
      )
      const { data } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, { headers })
      expect(data.cart.payment_collection.payment_sessions.find((entry: any) => entry.id === sessionId).status).toBe(
        "pending"
      )
      expect(await ordersOfCart(cartId)).toHaveLength(0)
    })

    it("ignores unknown payments and malformed bodies with 200 and no effect", async () => {
      const before = yookassa.sandbox().requests.length
      expect((await notify({ hello: "world" }, "185.71.76.5")).status).toBe(200)
      const raw = await fetch(`${(api as any).defaults.baseURL}${WEBHOOK}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "185.71.76.5" },
        body: "{not json",
      })
      expect(raw.status).toBe(200)
      const huge = await notify(
        { ...notification("2f000000-000f-5000-8000-0000000000aa"), padding: "x".repeat(300 * 1024) },
        "185.71.76.5"
      )
      expect(huge.status).toBe(200)

      const unknown = "2f000000-000f-5000-8000-000000000000"
      expect((await notify(notification(unknown), "185.71.76.5")).status).toBe(200)
      // Only the well-formed notification is processed: its payment is read once, Yookassa knows it
      // not, and nothing is captured, canceled or refunded. The malformed ones never reached the API.
      await until(
        () =>
          yookassa
            .sandbox()
            .requests.slice(before)
            .find((request) => request.path === `/v3/payments/${unknown}`),
        "the provider to look the payment up"
      )
      // Earlier tests' payments may still be read by their own late processing: look only at ours, and at writes.
      const ours = yookassa
        .sandbox()
        .requests.slice(before)
        .filter((request) => request.method === "POST" || request.path.includes("2f000000-000f-5000-8000-0000000000"))
      expect(ours.map((request) => [request.method, request.path, request.status])).toEqual([
        ["GET", `/v3/payments/${unknown}`, 404],
      ])
    })
  },
})
