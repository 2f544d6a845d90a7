import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import deleteOldClickEvents from "../../plugins/click-tracking/src/jobs/delete-old-click-events"
import { readEnvironment } from "../../src/config/environment"
import { until } from "../helpers/bot-api"
import { signInitData } from "../helpers/telegram-init-data"
import { placeCourseOrder, prepareStore, type StorefrontConfig } from "./store-setup"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let config: StorefrontConfig
    let headers: Record<string, string>
    let productId: string

    const post = (body: unknown, extra: Record<string, string> = {}) =>
      api
        .post("/store/clicks", typeof body === "string" ? body : JSON.stringify(body), {
          headers: { ...headers, ...extra, "content-type": "application/json" },
          transformRequest: (data: unknown) => data,
        })
        .catch((error: any) => error.response)

    const rows = async (where = "true", params: unknown[] = []) =>
      (await dbConnection.raw(`SELECT * FROM click_event WHERE ${where} ORDER BY occurred_at`, params)).rows

    const event = (type: string, extra: Record<string, unknown> = {}) => ({
      type,
      occurred_at: new Date().toISOString(),
      ...extra,
    })

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
    })

    beforeEach(async () => {
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
      productId = (await api.get("/store/products?limit=1&fields=id", { headers })).data.products[0].id
    })

    it("stores a batch from an anonymous shopper and answers 202 with the count", async () => {
      const response = await post({
        events: [
          event("product_view", { product_id: productId, session_id: "s-1" }),
          event("search", { session_id: "s-1", details: { query: "нейросети" } }),
        ],
      })
      expect(response.status).toBe(202)
      expect(response.data).toEqual({ accepted: 2 })
      const stored = await rows()
      expect(stored).toHaveLength(2)
      expect(stored[0]).toMatchObject({ type: "product_view", product_id: productId, customer_id: null, session_id: "s-1" })
      expect(stored[1].details).toEqual({ query: "нейросети" })
    })

    it("takes the customer from the token and ties the session's anonymous events to them", async () => {
      await post({ events: [event("product_view", { product_id: productId, session_id: "s-2" })] })
      const initData = signInitData({ user: { id: 7001, first_name: "Ян" } }, readEnvironment().telegram.botToken, new Date())
      const { data } = await api.post("/auth/customer/telegram", {}, { headers: { authorization: `tma ${initData}` } })
      const response = await post(
        { events: [event("add_to_cart", { product_id: productId, session_id: "s-2", customer_id: "cus_forged" })] },
        { authorization: `Bearer ${data.token}` }
      )
      // A customer id in the body is not a field the API takes at all.
      expect(response.status).toBe(400)

      await post({ events: [event("add_to_cart", { product_id: productId, session_id: "s-2" })] }, { authorization: `Bearer ${data.token}` })
      const stored = await rows("session_id = ?", ["s-2"])
      expect(stored).toHaveLength(2)
      expect(new Set(stored.map((row: any) => row.customer_id)).size).toBe(1)
      expect(stored[0].customer_id).toMatch(/^cus_/)
    })

    // Each bad event goes after a good one: a rejected batch must write neither.
    it.each([
      ["an unknown type", () => [event("share"), event("teleport")], /events\[1\]\.type/],
      ["purchase from a client", () => [event("share"), event("purchase")], /events\[1\]\.type/],
      ["a product that does not exist", () => [event("share"), event("product_view", { product_id: "prod_nope" })], /events\[1\]\.product_id/],
      ["details over 2 KB", () => [event("share"), event("search", { details: { q: "x".repeat(2100) } })], /details/],
      ["more than 100 events", () => Array.from({ length: 101 }, () => event("share")), /events/],
      ["no events", () => [], /events/],
      ["a client time two days off", () => [event("share"), event("share", { occurred_at: new Date(Date.now() - 2 * 86_400_000).toISOString() })], /occurred_at/],
      ["a time that is not a date", () => [event("share"), event("share", { occurred_at: "yesterday-ish" })], /occurred_at/],
    ])("refuses %s with 400 naming the field, and writes nothing", async (_case, events, field) => {
      const response = await post({ events: events() })
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(field)
      expect(await rows()).toHaveLength(0)
    })

    it("refuses a body over 64 KB with 413", async () => {
      const response = await post(JSON.stringify({ events: [event("share", { details: { pad: "x".repeat(70_000) } })] }))
      expect(response.status).toBe(413)
      expect(await rows()).toHaveLength(0)
    })

    it("refuses a batch without the publishable key", async () => {
      const response = await api
        .post("/store/clicks", { events: [event("share")] })
        .catch((error: any) => error.response)
      expect(response.status).toBe(400)
    })

    it("records purchase itself when an order is placed", async () => {
      const { order, product } = await placeCourseOrder(api, config)
      const purchases = await until(async () => {
        const found = await rows("type = 'purchase'")
        return found.length ? found : undefined
      }, "the purchase event")
      expect(purchases).toHaveLength(1)
      expect(purchases[0]).toMatchObject({ product_id: product.id, details: { order_id: order.id, quantity: 1 } })
    })

    it("retention deletes only events older than a year", async () => {
      await post({ events: [event("share"), event("share")] })
      await dbConnection.raw(
        `UPDATE click_event SET occurred_at = now() - interval '400 days' WHERE id = (SELECT id FROM click_event LIMIT 1)`
      )
      expect(await deleteOldClickEvents(getContainer())).toBe(1)
      expect(await rows()).toHaveLength(1)
    })

    describe("GET /admin/clicks/stats", () => {
      const ADMIN = { email: "analyst@aistore.test", password: "a long enough password" }
      let adminHeaders: Record<string, string>
      let otherProductId: string

      beforeEach(async () => {
        const container = getContainer()
        const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
        await createUserAccountWorkflow(container).run({
          input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
        })
        const { data } = await api.post("/auth/user/emailpass", ADMIN)
        adminHeaders = { authorization: `Bearer ${data.token}` }
        otherProductId = (await api.get("/store/products?limit=1&offset=1&fields=id", { headers })).data.products[0].id

        const times = (n: number, type: string, extra: Record<string, unknown> = {}) =>
          Array.from({ length: n }, () => event(type, extra))
        await post({
          events: [
            ...times(4, "product_view", { product_id: productId }),
            ...times(2, "add_to_cart", { product_id: productId }),
            ...times(1, "checkout_start", { product_id: productId }),
            ...times(2, "product_view", { product_id: otherProductId }),
            ...times(1, "add_to_cart", { product_id: otherProductId }),
            ...times(2, "search", { details: { query: "Нейросети " } }),
            ...times(1, "search", { details: { query: "python" } }),
          ],
        })
        await placeCourseOrder(api, config)
        await until(async () => ((await rows("type = 'purchase'")).length ? true : undefined), "the purchase event")
      })

      it("counts exactly: totals, the funnel with its conversions, per course, daily, tops", async () => {
        const { data } = await api.get("/admin/clicks/stats", { headers: adminHeaders })
        expect(data.totals).toEqual({ product_view: 6, add_to_cart: 3, checkout_start: 1, search: 3, purchase: 1 })
        expect(data.funnel).toEqual({
          views: 6,
          add_to_cart: 3,
          checkout_start: 1,
          purchases: 1,
          conversion: { view_to_cart: 0.5, cart_to_checkout: 0.3333, checkout_to_purchase: 1 },
        })
        expect(data.courses[0]).toMatchObject({ product_id: productId, views: 4, add_to_cart: 2, checkout_start: 1, purchases: 1 })
        expect(data.courses[1]).toMatchObject({ product_id: otherProductId, views: 2, add_to_cart: 1, purchases: 0 })
        expect(data.top_courses[0]).toEqual({ product_id: productId, purchases: 1, views: 4 })
        expect(data.top_searches).toEqual([
          { query: "нейросети", count: 2 },
          { query: "python", count: 1 },
        ])
        const today = new Date().toISOString().slice(0, 10)
        expect(data.daily).toEqual([{ day: today, counts: data.totals }])
      })

      it("narrows to one course, and to a date range", async () => {
        const course = await api.get(`/admin/clicks/stats?product_id=${otherProductId}`, { headers: adminHeaders })
        expect(course.data.totals).toEqual({ product_view: 2, add_to_cart: 1 })
        const lastMonth = new Date(Date.now() - 40 * 86_400_000).toISOString()
        const past = await api.get(`/admin/clicks/stats?from=${lastMonth}&to=${new Date(Date.now() - 30 * 86_400_000).toISOString()}`, {
          headers: adminHeaders,
        })
        expect(past.data.totals).toEqual({})
        expect(past.data.funnel.conversion.view_to_cart).toBeNull()
      })

      it("narrows to one category's courses", async () => {
        const { data: one } = await api.get(`/store/products/${productId}?fields=id,*categories`, { headers })
        const categoryId = one.product.categories[0].id
        const { data: inCategory } = await api.get(`/store/products?category_id[]=${categoryId}&fields=id&limit=100`, { headers })
        const ids = new Set(inCategory.products.map((product: { id: string }) => product.id))
        const { data } = await api.get(`/admin/clicks/stats?category_id=${categoryId}`, { headers: adminHeaders })
        expect(data.courses.map((course: { product_id: string }) => course.product_id)).toContain(productId)
        expect(data.courses.every((course: { product_id: string }) => ids.has(course.product_id))).toBe(true)
        expect(data.totals.search).toBeUndefined()
      })

      it.each([
        ["from after to", `from=${new Date().toISOString()}&to=${new Date(Date.now() - 86_400_000).toISOString()}`],
        ["a date that is not one", "from=soon"],
        ["an unknown parameter", "limit=5"],
      ])("refuses %s with 400", async (_case, query) => {
        const response = await api.get(`/admin/clicks/stats?${query}`, { headers: adminHeaders }).catch((error: any) => error.response)
        expect(response.status).toBe(400)
        expect(response.data.message).toEqual(expect.any(String))
      })

      it("is closed to customers and to anonymous callers", async () => {
        const initData = signInitData({ user: { id: 7002, first_name: "Кира" } }, readEnvironment().telegram.botToken, new Date())
        const { data } = await api.post("/auth/customer/telegram", {}, { headers: { authorization: `tma ${initData}` } })
        for (const extra of [{ authorization: `Bearer ${data.token}` }, {}]) {
          const response = await api.get("/admin/clicks/stats", { headers: extra }).catch((error: any) => error.response)
          expect(response.status).toBe(401)
        }
      })
    })
  },
})
