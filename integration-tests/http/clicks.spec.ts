import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaRequest } from "@medusajs/framework/http"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import Redis from "ioredis"
import deleteOldClickEvents from "../../plugins/click-tracking/src/jobs/delete-old-click-events"
import recordPurchase from "../../plugins/click-tracking/src/subscribers/order-placed-record-purchase"
import { clientAddress } from "../../plugins/click-tracking/src/utils/client-address"
import { csvCell } from "../../plugins/click-tracking/src/utils/csv"
import { parseClickTrackingOptions } from "../../plugins/click-tracking/src/options"
import type ClickTrackingModuleService from "../../plugins/click-tracking/src/modules/click-tracking/service"
import { RedisWindowCounter } from "../../plugins/click-tracking/src/utils/rate-limit/redis-window-counter"
import { until } from "../helpers/until"
import { placeCourseOrder, prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { errorResponse } from "../helpers/http"
import { signInShopper } from "../helpers/shopper"

/** Today in the store's time zone (the plugin's default, Europe/Moscow). */
const moscowDay = (date = new Date()) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Moscow",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date)

const HEADER =
  '"id","type","occurred_at","received_at","customer_id","session_id","product_id","category_id","order_id","details"\r\n'

jest.setTimeout(180_000)

/** Rate-limit windows are whole periods of the clock: start a check early enough in one to finish in it. */
async function awayFromWindowEnd(windowSeconds: number, marginMs = 15_000) {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000))
  if (left < marginMs) {
    await new Promise((wake) => setTimeout(wake, left + 50))
  }
}

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
        .catch(errorResponse)

    const rows = async (where = "true", params: unknown[] = []) =>
      (await dbConnection.raw(`SELECT * FROM click_event WHERE ${where} ORDER BY occurred_at`, params)).rows

    const event = (type: string, extra: Record<string, unknown> = {}) => ({
      type,
      occurred_at: new Date().toISOString(),
      ...extra,
    })

    const ADMIN = { email: "analyst@aistore.test", password: "a long enough password" }
    /** An admin's headers (the database is emptied between tests, so the admin is made each time). */
    const signInAdmin = async () => {
      const container = getContainer()
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      const { data } = await api.post("/auth/user/emailpass", ADMIN)
      return { authorization: `Bearer ${data.token}` }
    }
    const signInCustomer = async (id: number) => {
      return { authorization: `Bearer ${await signInShopper(api, { id, first_name: "Кира" })}` }
    }

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true, manualPayments: true })
    })

    beforeEach(async () => {
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
      productId = (await api.get("/store/products?limit=1&fields=id", { headers })).data.products[0].id
    })

    it("stores a batch from an anonymous shopper and answers 202 with the count", async () => {
      const session = randomUUID()
      const response = await post({
        events: [
          event("product_view", { product_id: productId, session_id: session }),
          event("search", { session_id: session, details: { query: "нейросети" } }),
        ],
      })
      expect(response.status).toBe(202)
      expect(response.data).toEqual({ accepted: 2 })
      const stored = await rows()
      expect(stored).toHaveLength(2)
      expect(stored[0]).toMatchObject({
        type: "product_view",
        product_id: productId,
        customer_id: null,
        session_id: session,
      })
      expect(stored[1].details).toEqual({ query: "нейросети" })
    })

    it("takes the customer from the token and ties the session's recent anonymous events to them", async () => {
      const session = randomUUID()
      await post({ events: [event("product_view", { product_id: productId, session_id: session })] })
      // An anonymous event of the same session from two days ago stays anonymous.
      await post({ events: [event("share", { session_id: session })] })
      await dbConnection.raw(`UPDATE click_event SET occurred_at = now() - interval '2 days' WHERE type = 'share'`)
      const token = await signInShopper(api, { id: 7001, first_name: "Ян" })
      const response = await post(
        { events: [event("add_to_cart", { product_id: productId, session_id: session, customer_id: "cus_forged" })] },
        { authorization: `Bearer ${token}` }
      )
      // A customer id in the body is not a field the API takes at all.
      expect(response.status).toBe(400)

      await post(
        { events: [event("add_to_cart", { product_id: productId, session_id: session })] },
        { authorization: `Bearer ${token}` }
      )
      const stored = await rows("session_id = ? AND type <> 'share'", [session])
      expect(stored).toHaveLength(2)
      expect((await rows("session_id = ? AND type = 'share'", [session]))[0].customer_id).toBeNull()
      expect(new Set(stored.map((row: any) => row.customer_id)).size).toBe(1)
      expect(stored[0].customer_id).toMatch(/^cus_/)
    })

    // Each bad event goes after a good one: a rejected batch must write neither.
    it.each([
      ["an unknown type", () => [event("share"), event("teleport")], /events\[1\]\.type/],
      ["purchase from a client", () => [event("share"), event("purchase")], /events\[1\]\.type/],
      [
        "a product that does not exist",
        () => [event("share"), event("product_view", { product_id: "prod_nope" })],
        /events\[1\]\.product_id/,
      ],
      ["details over 2 KB", () => [event("share"), event("search", { details: { q: "x".repeat(2100) } })], /details/],
      ["more than 100 events", () => Array.from({ length: 101 }, () => event("share")), /events/],
      ["no events", () => [], /events/],
      [
        "a client time two days off",
        () => [event("share"), event("share", { occurred_at: new Date(Date.now() - 2 * 86_400_000).toISOString() })],
        /occurred_at/,
      ],
      [
        "a time that is not a date",
        () => [event("share"), event("share", { occurred_at: "yesterday-ish" })],
        /occurred_at/,
      ],
      // Guessable session ids let anyone claim another shopper's anonymous events.
      ["a session id that is not a UUID", () => [event("share"), event("share", { session_id: "s-2" })], /session_id/],
    ])("refuses %s with 400 naming the field, and writes nothing", async (_case, events, field) => {
      const response = await post({ events: events() })
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(field)
      expect(await rows()).toHaveLength(0)
    })

    it("takes a body of exactly 64 KB and refuses one byte more with 413", async () => {
      // JSON's own whitespace pads a valid batch to the size.
      const ofSize = (bytes: number) => {
        const batch = JSON.stringify({ events: [event("share")] })
        return batch + " ".repeat(bytes - Buffer.byteLength(batch))
      }
      const over = await post(ofSize(64 * 1024 + 1))
      expect(over.status).toBe(413)
      expect(await rows()).toHaveLength(0)
      const atLimit = await post(ofSize(64 * 1024))
      expect(atLimit.status).toBe(202)
      expect(await rows()).toHaveLength(1)
    })

    it("refuses a batch without the publishable key", async () => {
      const response = await api.post("/store/clicks", { events: [event("share")] }).catch(errorResponse)
      expect(response.status).toBe(400)
    })

    it("records purchase itself when an order is placed", async () => {
      const { order, product } = await placeCourseOrder(api, config)
      const purchases = await until(async () => {
        const found = await rows("type = 'purchase'")
        return found.length ? found : undefined
      }, "the purchase event")
      expect(purchases).toHaveLength(1)
      expect(purchases[0]).toMatchObject({ product_id: product.id, order_id: order.id, details: { quantity: 1 } })
    })

    it("counts a purchase once per order, however often order.placed arrives", async () => {
      const { order } = await placeCourseOrder(api, config)
      await until(async () => ((await rows("type = 'purchase'")).length ? true : undefined), "the purchase event")
      const container = getContainer()
      const again = () =>
        recordPurchase({
          event: { name: "order.placed", data: { id: order.id } },
          container,
          pluginOptions: {},
        } as never)
      // The event delivered again, twice at once, and through the event bus as a re-send would.
      await Promise.all([again(), again()])
      await again()
      await container.resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await new Promise((wake) => setTimeout(wake, 1000))
      expect(await rows("type = 'purchase' AND order_id = ?", [order.id])).toHaveLength(1)

      // The database itself refuses a second purchase of the course in the order.
      const [first] = await rows("type = 'purchase'")
      await expect(
        dbConnection.raw(
          `INSERT INTO click_event (id, type, product_id, order_id, occurred_at, received_at) VALUES ('clk_twice', 'purchase', ?, ?, now(), now())`,
          [first.product_id, order.id]
        )
      ).rejects.toThrow(/unique|duplicate/i)
    })

    it("retention deletes in batches on the time index, and only what is old", async () => {
      await post({ events: Array.from({ length: 7 }, () => event("share")) })
      await dbConnection.raw(
        `UPDATE click_event SET occurred_at = now() - interval '400 days' WHERE id IN (SELECT id FROM click_event LIMIT 5)`
      )
      await dbConnection.raw(
        `UPDATE click_event SET deleted_at = now() WHERE id = (SELECT id FROM click_event WHERE occurred_at < now() - interval '1 year' LIMIT 1)`
      )
      const clicks = getContainer().resolve<ClickTrackingModuleService>("click_tracking")
      expect(await clicks.deleteEventsBefore(new Date(Date.now() - 365 * 86_400_000), 2)).toBe(5)
      expect(await rows()).toHaveLength(2)
      // The batch's lookup (the service's own) has an index to use (on this tiny table the planner would rather scan).
      const plan = await dbConnection.transaction(async (trx: any) => {
        await trx.raw("SET LOCAL enable_seqscan = off")
        const explained = await trx.raw(
          `EXPLAIN SELECT id FROM click_event WHERE deleted_at IS NULL AND occurred_at < now() ORDER BY occurred_at LIMIT 10000`
        )
        return explained.rows.map((row: any) => row["QUERY PLAN"]).join("\n")
      })
      expect(plan).toMatch(/Index (Only )?Scan using "?IDX_click_event_occurred_at/)
    })

    it("retention deletes only events older than a year", async () => {
      await post({ events: [event("share"), event("share")] })
      await dbConnection.raw(
        `UPDATE click_event SET occurred_at = now() - interval '400 days' WHERE id = (SELECT id FROM click_event LIMIT 1)`
      )
      expect(await deleteOldClickEvents(getContainer())).toBe(1)
      expect(await rows()).toHaveLength(1)
    })

    describe("rate limit (the app's default: 1000 events a minute per client, in memory without Redis)", () => {
      it("answers 429 with Retry-After past the budget, writes nothing of that batch, and counts clients apart", async () => {
        const busy = await signInCustomer(7101)
        const other = await signInCustomer(7102)
        const batch = Array.from({ length: 100 }, () => event("share"))
        await awayFromWindowEnd(60)
        for (let sent = 0; sent < 1000; sent += 100) {
          expect((await post({ events: batch }, busy)).status).toBe(202)
        }

        const refused = await post({ events: [event("share"), event("share")] }, busy)
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(/Too many events: at most 1000 per 60 s/)
        const retryAfter = Number(refused.headers["retry-after"])
        expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true)
        expect(await rows("type = 'share'")).toHaveLength(1000)

        // Another customer, and an anonymous shopper, have budgets of their own.
        expect((await post({ events: [event("share")] }, other)).status).toBe(202)
        expect((await post({ events: [event("share")] })).status).toBe(202)
        expect(await rows("type = 'share'")).toHaveLength(1002)
      })
    })

    describe("GET /admin/clicks/stats", () => {
      let adminHeaders: Record<string, string>
      let otherProductId: string

      beforeEach(async () => {
        adminHeaders = await signInAdmin()
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
        expect(data.courses[0]).toMatchObject({
          product_id: productId,
          views: 4,
          add_to_cart: 2,
          checkout_start: 1,
          purchases: 1,
        })
        expect(data.courses[1]).toMatchObject({ product_id: otherProductId, views: 2, add_to_cart: 1, purchases: 0 })
        expect(data.top_courses[0]).toEqual({ product_id: productId, purchases: 1, views: 4 })
        expect(data.top_searches).toEqual([
          { query: "нейросети", count: 2 },
          { query: "python", count: 1 },
        ])
        expect(data.time_zone).toBe("Europe/Moscow")
        expect(data.daily).toEqual([{ day: moscowDay(), counts: data.totals }])
      })

      it("narrows to one course, and to a date range", async () => {
        const course = await api.get(`/admin/clicks/stats?product_id=${otherProductId}`, { headers: adminHeaders })
        expect(course.data.totals).toEqual({ product_view: 2, add_to_cart: 1 })
        const lastMonth = new Date(Date.now() - 40 * 86_400_000).toISOString()
        const past = await api.get(
          `/admin/clicks/stats?from=${lastMonth}&to=${new Date(Date.now() - 30 * 86_400_000).toISOString()}`,
          {
            headers: adminHeaders,
          }
        )
        expect(past.data.totals).toEqual({})
        expect(past.data.funnel.conversion.view_to_cart).toBeNull()
      })

      it("narrows to one category's courses", async () => {
        const { data: one } = await api.get(`/store/products/${productId}?fields=id,*categories`, { headers })
        const categoryId = one.product.categories[0].id
        const { data: inCategory } = await api.get(`/store/products?category_id[]=${categoryId}&fields=id&limit=100`, {
          headers,
        })
        const ids = new Set(inCategory.products.map((product: { id: string }) => product.id))
        await post({
          events: [
            event("category_view", { category_id: categoryId }),
            event("category_view", { category_id: "pcat_other" }),
          ],
        })
        const { data } = await api.get(`/admin/clicks/stats?category_id=${categoryId}`, { headers: adminHeaders })
        expect(data.courses.map((course: { product_id: string }) => course.product_id)).toContain(productId)
        expect(data.courses.every((course: { product_id: string }) => ids.has(course.product_id))).toBe(true)
        expect(data.totals.search).toBeUndefined()
        // The category's own page views count for it; another category's do not.
        expect(data.totals.category_view).toBe(1)
      })

      it.each([
        ["from after to", `from=${new Date().toISOString()}&to=${new Date(Date.now() - 86_400_000).toISOString()}`],
        ["a date that is not one", "from=soon"],
        ["an unknown parameter", "limit=5"],
      ])("refuses %s with 400", async (_case, query) => {
        const response = await api.get(`/admin/clicks/stats?${query}`, { headers: adminHeaders }).catch(errorResponse)
        expect(response.status).toBe(400)
        expect(response.data.message).toEqual(expect.any(String))
      })

      it("is closed to customers and to anonymous callers", async () => {
        for (const extra of [await signInCustomer(7002), {}]) {
          const response = await api.get("/admin/clicks/stats", { headers: extra }).catch(errorResponse)
          expect(response.status).toBe(401)
        }
      })
    })

    describe("days of the store's time zone (Europe/Moscow)", () => {
      it("counts exactly on a known data set, cutting days at Moscow's midnight (21:00 UTC)", async () => {
        const adminHeaders = await signInAdmin()
        await dbConnection.raw(`
          INSERT INTO click_event (id, type, product_id, category_id, occurred_at, received_at) VALUES
          ('clk_tz_0', 'share', NULL, NULL, '2026-02-28T20:59:59.999Z', now()),
          ('clk_tz_1', 'share', NULL, NULL, '2026-02-28T21:00:00Z', now()),
          ('clk_tz_2', 'product_view', 'prod_a', NULL, '2026-03-01T12:00:00Z', now()),
          ('clk_tz_3', 'product_view', 'prod_a', NULL, '2026-03-01T20:59:59.999Z', now()),
          ('clk_tz_4', 'product_view', 'prod_a', NULL, '2026-03-01T21:00:00Z', now()),
          ('clk_tz_5', 'category_view', NULL, 'pcat_a', '2026-03-02T03:00:00Z', now()),
          ('clk_tz_6', 'share', NULL, NULL, '2026-03-02T21:00:00Z', now())
        `)
        const { data } = await api.get("/admin/clicks/stats?from=2026-03-01&to=2026-03-03", { headers: adminHeaders })
        expect(data.range).toEqual({ from: "2026-02-28T21:00:00.000Z", to: "2026-03-02T21:00:00.000Z" })
        expect(data.time_zone).toBe("Europe/Moscow")
        expect(data.totals).toEqual({ share: 1, product_view: 3, category_view: 1 })
        expect(data.daily).toEqual([
          { day: "2026-03-01", counts: { share: 1, product_view: 2 } },
          { day: "2026-03-02", counts: { product_view: 1, category_view: 1 } },
        ])
        expect(data.courses).toEqual([expect.objectContaining({ product_id: "prod_a", views: 3 })])
      })
    })

    describe("hourly rollups", () => {
      it("answer exactly what the raw events say, for any range, after inserts, moves, soft and hard deletes", async () => {
        const clicks = getContainer().resolve<ClickTrackingModuleService>("click_tracking")
        // 3,000 events over four days, at odd minutes, four types, three courses, two queries.
        await dbConnection.raw(`
          INSERT INTO click_event (id, type, product_id, category_id, details, occurred_at, received_at)
          SELECT 'clk_r_' || n,
                 (ARRAY['product_view', 'add_to_cart', 'search', 'category_view'])[1 + n % 4],
                 CASE WHEN n % 4 IN (0, 1) THEN 'prod_' || (n % 3) END,
                 CASE WHEN n % 4 = 3 THEN 'pcat_' || (n % 2) END,
                 CASE WHEN n % 4 = 2 THEN jsonb_build_object('query', CASE WHEN n % 3 = 0 THEN ' Python ' ELSE 'нейросети' END) END,
                 timestamptz '2026-05-01T00:00:00Z' + n * interval '115 seconds',
                 now()
            FROM generate_series(1, 3000) AS n`)
        await dbConnection.raw(
          `UPDATE click_event SET product_id = 'prod_9' WHERE id IN ('clk_r_4', 'clk_r_8', 'clk_r_1000')`
        )
        await dbConnection.raw(
          `UPDATE click_event SET deleted_at = now() WHERE id IN ('clk_r_12', 'clk_r_13', 'clk_r_14')`
        )
        await dbConnection.raw(`DELETE FROM click_event WHERE id IN ('clk_r_20', 'clk_r_21', 'clk_r_2999')`)
        await clicks.deleteEventsBefore(new Date("2026-05-01T02:00:00Z"))

        const ranges: [string, string][] = [
          ["2026-05-01T00:00:00Z", "2026-05-05T00:00:00Z"],
          ["2026-05-01T03:17:41.5Z", "2026-05-03T22:59:59.999Z"],
          ["2026-05-02T10:10:00Z", "2026-05-02T10:50:00Z"],
          ["2026-05-02T21:00:00Z", "2026-05-03T21:00:00Z"],
        ]
        for (const [from, to] of ranges) {
          for (const scope of [
            {},
            { productIds: ["prod_1", "prod_9"] },
            { productIds: ["prod_2"], categoryId: "pcat_1" },
          ]) {
            const filter = { from: new Date(from), to: new Date(to), timeZone: "Europe/Moscow", ...scope }
            expect(await clicks.computeStats(filter)).toEqual(await clicks.computeStats(filter, { rollups: false }))
          }
        }
        const all = await clicks.computeStats({
          from: new Date("2026-05-01T00:00:00Z"),
          to: new Date("2026-05-05T00:00:00Z"),
          timeZone: "UTC",
        })
        const live = Number(
          (await dbConnection.raw(`SELECT count(*) FROM click_event WHERE deleted_at IS NULL AND id LIKE 'clk_r_%'`))
            .rows[0].count
        )
        expect(Object.values(all.totals).reduce((sum, n) => sum + n, 0)).toBe(live)
        expect(all.top_searches.map((row) => row.query)).toEqual(["нейросети", "python"])
      })
    })

    describe("GET /admin/clicks/export", () => {
      let adminHeaders: Record<string, string>
      const download = (query: string, extra: Record<string, string> = adminHeaders) =>
        api
          // Bytes, not text: axios would drop the byte order mark the file starts with.
          .get(`/admin/clicks/export?${query}`, { headers: extra, responseType: "arraybuffer" })
          .catch(errorResponse)

      beforeEach(async () => {
        adminHeaders = await signInAdmin()
        // A known set around 1 March 2026: two outside the range, cells that need quoting or defusing.
        await dbConnection.raw(`
          INSERT INTO click_event (id, type, session_id, customer_id, product_id, category_id, order_id, details, occurred_at, received_at) VALUES
          ('clk_x_0', 'share', NULL, NULL, NULL, NULL, NULL, NULL, '2026-02-28T23:59:59.999Z', '2026-03-01T00:00:00Z'),
          ('clk_x_1', 'product_view', E'line 1\nline 2', NULL, 'prod_a', NULL, NULL, NULL, '2026-03-01T10:00:00Z', '2026-03-01T10:00:01Z'),
          ('clk_x_3', 'share', '=cmd|'' /C calc''!A0', '-2+3', NULL, '@cat', NULL, NULL, '2026-03-01T11:00:00Z', '2026-03-01T11:00:02Z'),
          ('clk_x_2', 'search', '+1,2', NULL, NULL, NULL, NULL, '{"query": "a, \\"b\\""}', '2026-03-01T11:00:00Z', '2026-03-01T11:00:00.5Z'),
          ('clk_x_4', 'purchase', NULL, 'cus_x', 'prod_a', NULL, 'order_1', '{"quantity": 1}', '2026-03-01T23:59:59.999Z', '2026-03-02T00:00:00Z'),
          ('clk_x_5', 'share', NULL, NULL, NULL, NULL, NULL, NULL, '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')
        `)
      })

      it("streams the range's events as CSV, exactly: header, order, quoting, formulas defused", async () => {
        const response = await download("from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z")
        expect(response.status).toBe(200)
        expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8")
        // Named by the store's days (Moscow) the range touches.
        expect(response.headers["content-disposition"]).toBe(
          'attachment; filename="clicks-2026-03-01-to-2026-03-02.csv"'
        )
        expect(Buffer.from(response.data).toString("utf8")).toBe(
          "\uFEFF" +
            HEADER +
            '"clk_x_1","product_view","2026-03-01T10:00:00.000Z","2026-03-01T10:00:01.000Z",,"line 1\nline 2","prod_a",,,\r\n' +
            '"clk_x_2","search","2026-03-01T11:00:00.000Z","2026-03-01T11:00:00.500Z",,"\'+1,2",,,,"{""query"":""a, \\""b\\""""}"\r\n' +
            '"clk_x_3","share","2026-03-01T11:00:00.000Z","2026-03-01T11:00:02.000Z","\'-2+3","\'=cmd|\' /C calc\'!A0",,"\'@cat",,\r\n' +
            '"clk_x_4","purchase","2026-03-01T23:59:59.999Z","2026-03-02T00:00:00.000Z","cus_x",,"prod_a",,"order_1","{""quantity"":1}"\r\n'
        )
      })

      it("pages through a large range without losing or repeating an event", async () => {
        // 2,500 events a microsecond apart: pages must continue from the exact stored time.
        await dbConnection.raw(`
          INSERT INTO click_event (id, type, occurred_at, received_at)
          SELECT 'clk_p_' || lpad(n::text, 5, '0'), 'share', timestamptz '2025-12-01T12:00:00Z' + n * interval '1 microsecond', now()
            FROM generate_series(1, 2500) AS n
        `)
        const response = await download("from=2025-12-01T00:00:00Z&to=2025-12-02T00:00:00Z")
        const ids = Buffer.from(response.data)
          .toString("utf8")
          .trim()
          .split("\r\n")
          .slice(1)
          .map((line) => line.split(",")[0].replace(/"/g, ""))
        expect(ids).toHaveLength(2500)
        expect(ids[0]).toBe("clk_p_00001")
        expect(ids[2499]).toBe("clk_p_02500")
        expect(new Set(ids).size).toBe(2500)
      })

      it("answers a range with no events with the header alone", async () => {
        const response = await download("from=2020-01-01&to=2020-02-01")
        expect(response.status).toBe(200)
        expect(Buffer.from(response.data).toString("utf8")).toBe(`\uFEFF${HEADER}`)
      })

      it.each([
        ["no range", ""],
        ["no end", "from=2026-03-01"],
        ["a date that is not one", "from=2026-03-01&to=later"],
        ["from after to", "from=2026-03-02&to=2026-03-01"],
        ["an unknown parameter", "from=2026-03-01&to=2026-03-02&format=xlsx"],
      ])("refuses %s with 400 and a message", async (_case, query) => {
        const response = await download(query)
        expect(response.status).toBe(400)
        expect(JSON.parse(Buffer.from(response.data).toString("utf8")).message).toEqual(expect.any(String))
      })

      it("is closed to customers and to anonymous callers", async () => {
        for (const extra of [await signInCustomer(7003), {}]) {
          const response = await download("from=2026-03-01&to=2026-03-02", extra)
          expect(response.status).toBe(401)
        }
      })
    })
  },
})

describe("rate-limit counter in Redis", () => {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379")
  const prefix = `click-tracking-test:${randomUUID()}:`

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length) {
      await redis.del(...keys)
    }
    await redis.quit()
  })

  it("holds one budget across replicas, all or nothing per batch", async () => {
    const limit = { events: 100, windowSeconds: 60 }
    // Two server replicas, each with its own connection and counter, sharing the Redis.
    const replicaA = new RedisWindowCounter(redis.duplicate(), limit, prefix)
    const replicaB = new RedisWindowCounter(redis, limit, prefix)
    await awayFromWindowEnd(60)
    expect(await replicaA.take("customer:cus_1", 60)).toEqual({ allowed: true })
    expect(await replicaB.take("customer:cus_1", 50)).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) })
    expect(await replicaB.take("customer:cus_1", 40)).toEqual({ allowed: true })
    expect(await replicaA.take("customer:cus_1", 1)).toMatchObject({ allowed: false })
    expect(await replicaA.take("customer:cus_2", 100)).toEqual({ allowed: true })
  })
})

describe("the client a rate limit counts", () => {
  const request = (socket: string, forwarded?: string) =>
    ({
      socket: { remoteAddress: socket },
      headers: forwarded ? { "x-forwarded-for": forwarded } : {},
    }) as unknown as MedusaRequest

  it("believes X-Forwarded-For only as far as the trusted proxies", () => {
    expect(clientAddress(request("203.0.113.9", "198.51.100.1"), 0)).toBe("203.0.113.9")
    // Behind one proxy (nginx appends the address it saw): a forged first entry is ignored.
    expect(clientAddress(request("10.0.0.2", "198.51.100.1, 203.0.113.9"), 1)).toBe("203.0.113.9")
    expect(clientAddress(request("10.0.0.2"), 1)).toBe("10.0.0.2")
  })
})

describe("click-tracking options", () => {
  it.each([["purchase"], ["product_view"], ["Promo Click"]])("refuses the custom type %j", (type) => {
    expect(() => parseClickTrackingOptions({ customTypes: [type] })).toThrow(/customTypes/)
  })

  it("takes new custom types, and a time zone (Europe/Moscow by default)", () => {
    expect(parseClickTrackingOptions({ customTypes: ["promo_click"] })).toMatchObject({
      customTypes: ["promo_click"],
      timeZone: "Europe/Moscow",
    })
    expect(parseClickTrackingOptions({ timeZone: "Asia/Yekaterinburg" }).timeZone).toBe("Asia/Yekaterinburg")
    expect(() => parseClickTrackingOptions({ timeZone: "Mars/Olympus" })).toThrow(/timeZone/)
  })
})

describe("CSV cells", () => {
  it.each([
    ["plain", '"plain"'],
    ["=1+1", `"'=1+1"`],
    ["+7 999", `"'+7 999"`],
    ["-1", `"'-1"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tx", `"'\tx"`],
    ['say "hi", then', '"say ""hi"", then"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    // Russian-locale Excel splits on ";": a formula after it is defused too, and the cell is quoted.
    ['x;=HYPERLINK("http://evil")', '"x;\'=HYPERLINK(""http://evil"")"'],
    ["a, @SUM(A1)", `"a, '@SUM(A1)"`],
    ["a;\t-1", `"a;\t'-1"`],
  ])("%j becomes %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })
})
