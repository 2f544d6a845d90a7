import fc from "fast-check"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { readEnvironment } from "../../src/config/environment"
import { useBotApiDouble } from "../helpers/bot-api"
import { signInShopper } from "../helpers/shopper"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { signInitData } from "../helpers/telegram-init-data"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { hostileRequestTo, type HostileRequest } from "./hostile-request"
import { jsonOf, rawRequest, type RawAnswer } from "./raw-request"
import { FUZZ_ROUTES, type Fixtures, type FuzzRoute } from "./routes"

/**
 * The hostile-input suite: every public route and every admin route of ours gets generated
 * requests a hostile client could send (see hostile-request.ts), against the real HTTP API and
 * PostgreSQL. Each answer must be below 500 (or a 503 with Retry-After), a refusal must say why,
 * no token may be minted but by `POST /auth/customer/telegram`, and a refused request must leave
 * the database as it was. FUZZ_SEED repeats a run (or "random"), FUZZ_RUNS sets the requests per route.
 */
jest.setTimeout(30 * 60_000)

const SEED = process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20_261_207)
const RUNS = Number(process.env.FUZZ_RUNS ?? 20)
const ADMIN = { email: "fuzz-admin@aistore.test", password: "a long enough password" }
const OWN_USER = { id: 7_101, first_name: "Ева" }
const OTHER_USER = { id: 7_102, first_name: "Лев" }

/** Tables that are Medusa's bookkeeping of its own work, not the store's data. */
const BOOKKEEPING_TABLES = ["workflow_execution", "mikro_orm_migrations", "script_migrations", "link_module_migrations"]

useYookassaSandbox(19_450)
useBotApiDouble(19_470)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let port: number
    let fixtures: Fixtures
    let credentials: Record<HostileRequest["credential"], Record<string, string>>
    let fingerprintQuery: string
    const statuses = new Map<number, number>()
    let sent = 0
    const started = Date.now()

    const signInAdmin = async () => {
      const container = getContainer()
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      return (await api.post("/auth/user/emailpass", ADMIN)).data.token as string
    }

    /**
     * A shopper with an open cart holding a course, and its payment collection. No order is placed:
     * the every-minute jobs (delivery, notifications, reconciliation) would then write to the
     * database while the suite checks that a refused request wrote nothing.
     */
    const shopperWithCart = async (config: StorefrontConfig, user: typeof OWN_USER, variantId: string) => {
      const token = await signInShopper(api, user)
      const headers = { "x-publishable-api-key": config.publishable_key, authorization: `Bearer ${token}` }
      const { data } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "shopper@example.ru", items: [{ variant_id: variantId, quantity: 1 }] },
        { headers }
      )
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: data.cart.id }, { headers })
      return {
        token,
        ids: {
          cartId: data.cart.id,
          lineItemId: data.cart.items[0].id,
          paymentCollectionId: collection.payment_collection.id,
          // Shaped as Medusa's ids are; no such order exists.
          orderId: `order_01${user.id}FUZZ0000000000000000`,
        },
      }
    }

    /** Row counts and last updates of every table of the store's data, in one query. */
    const buildFingerprintQuery = async () => {
      const { rows } = await dbConnection.raw(
        `SELECT t.table_name, bool_or(c.column_name = 'updated_at') AS has_updated_at
           FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
          WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND NOT (t.table_name = ANY (?))
          GROUP BY t.table_name ORDER BY t.table_name`,
        [BOOKKEEPING_TABLES]
      )
      const parts = (rows as { table_name: string; has_updated_at: boolean }[]).map(
        ({ table_name, has_updated_at }) =>
          `SELECT '${table_name}' || ':' || count(*) || '/' || ${has_updated_at ? "coalesce(max(updated_at)::text, '')" : "''"} AS state FROM "${table_name}"`
      )
      return parts.join(" UNION ALL ")
    }
    const fingerprint = async () =>
      ((await dbConnection.raw(fingerprintQuery)).rows as { state: string }[]).map((row) => row.state).join("\n")

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: true })
      const config: StorefrontConfig = (await api.get("/storefront/config")).data
      const publishable = { "x-publishable-api-key": config.publishable_key }
      const { data } = await api.get(
        `/store/products?limit=1&region_id=${config.region_id}&fields=id,handle,*variants,*categories`,
        { headers: publishable }
      )
      const [course] = data.products
      const own = await shopperWithCart(config, OWN_USER, course.variants[0].id)
      const other = await shopperWithCart(config, OTHER_USER, course.variants[0].id)
      fixtures = {
        regionId: config.region_id,
        productId: course.id,
        productHandle: course.handle,
        variantId: course.variants[0].id,
        categoryId: course.categories?.[0]?.id ?? "pcat_none",
        own: own.ids,
        other: other.ids,
      }
      const initData = signInitData({ user: OWN_USER }, readEnvironment().telegram.botToken, new Date())
      const adminToken = await signInAdmin()
      credentials = {
        none: {},
        missing: {},
        publishable,
        customer: { ...publishable, authorization: `Bearer ${own.token}` },
        admin: { authorization: `Bearer ${adminToken}` },
        initData: { ...publishable, authorization: `tma ${initData}` },
        webhookSecret: { "x-telegram-bot-api-secret-token": readEnvironment().telegram.webhookSecret },
        "other shopper": { ...publishable, authorization: `Bearer ${other.token}` },
        garbage: { ...publishable, authorization: "Bearer eyJhbGciOiJub25lIn0.eyJhY3Rvcl9pZCI6ImN1c18xIn0." },
      }
      port = Number(new URL(api.defaults.baseURL as string).port)
      fingerprintQuery = await buildFingerprintQuery()
      console.log(`hostile-input: seed ${SEED}, ${RUNS} requests per route, ${FUZZ_ROUTES.length} routes`)
    })

    afterAll(() => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`)
      console.log(`hostile-input: ${sent} requests in ${seconds} s (seed ${SEED}); answers ${byStatus.join(" ")}`)
    })

    /** What is wrong with an answer, or `undefined` when it keeps every rule. */
    const faultOf = (request: HostileRequest, answer: RawAnswer, before: string, after: string): string | undefined => {
      const json = jsonOf(answer)
      if (answer.status >= 500 && !(answer.status === 503 && answer.headers["retry-after"])) {
        return `answered ${answer.status}: ${answer.body.slice(0, 300)}`
      }
      if (
        answer.status >= 400 &&
        !(typeof json?.message === "string" && json.message.trim()) &&
        !(answer.status === 404 && answer.body.trim())
      ) {
        return `answered ${answer.status} without a message: ${answer.body.slice(0, 300)}`
      }
      if (json && typeof json.token === "string") {
        const claims = JSON.parse(Buffer.from(json.token.split(".")[1] ?? "", "base64url").toString() || "{}")
        if (!request.mayMintToken || !claims.actor_id) {
          return `minted a token (actor_id "${claims.actor_id ?? ""}") outside POST /auth/customer/telegram`
        }
      }
      if (answer.status >= 400 && before !== after) {
        const was = new Set(before.split("\n"))
        const changed = after.split("\n").filter((state) => !was.has(state))
        return `answered ${answer.status} but wrote to the database: ${changed.join(" ")}`
      }
      return undefined
    }

    const send = async (request: HostileRequest): Promise<RawAnswer> => {
      const headers: Record<string, string> = { ...credentials[request.credential] }
      if (request.contentType) {
        headers["content-type"] = request.contentType
      }
      sent++
      const answer = await rawRequest(port, { method: request.method, path: request.path, headers, body: request.body })
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      return answer
    }

    /** A request written by hand, sent and judged as the generated ones are. */
    const judged = async (method: string, path: string, credential: HostileRequest["credential"], body?: unknown) => {
      const request: HostileRequest = {
        method,
        path,
        credential,
        contentType: body === undefined ? undefined : "application/json",
        body: body === undefined ? undefined : JSON.stringify(body),
        mayMintToken: false,
      }
      return sendJudged(request)
    }

    /**
     * Sends a request and judges its answer. A write seen around a refused request may be a job's
     * (the every-minute jobs run in this app): the request is sent once more, and only a write seen
     * both times counts as its own.
     */
    const sendJudged = async (request: HostileRequest) => {
      let judged: { status: number; fault: string | undefined } = { status: 0, fault: undefined }
      for (let attempt = 0; attempt < 2; attempt++) {
        const before = await fingerprint()
        const answer = await send(request)
        judged = { status: answer.status, fault: faultOf(request, answer, before, await fingerprint()) }
        if (!judged.fault?.includes("wrote to the database")) {
          return judged
        }
      }
      return judged
    }

    it("refuses, with a 4xx that says why, the inputs that answered 500 before", async () => {
      const click = (field: Record<string, unknown>) => ({
        events: [
          { type: "course_view", occurred_at: new Date().toISOString(), product_id: fixtures.productId, ...field },
        ],
      })
      const cases: [string, string, HostileRequest["credential"], unknown, number][] = [
        ["GET", "/store/catalog?region_id=__proto__", "publishable", undefined, 400],
        ["GET", "/store/catalog?region_id=constructor", "publishable", undefined, 400],
        ["GET", "/store/catalog?region_id=toString", "publishable", undefined, 400],
        ["GET", `/store/catalog/courses/${fixtures.productHandle}?region_id=__proto__`, "publishable", undefined, 400],
        ["GET", "/storefront/catalog?region_id=hasOwnProperty", "none", undefined, 400],
        ["POST", "/store/clicks", "publishable", click({ details: { note: "a\u0000b" } }), 400],
        ["POST", "/store/clicks", "publishable", click({ category_id: "pcat_\u0000" }), 400],
        ["POST", "/store/clicks", "publishable", click({ product_id: "prod_\u0000" }), 400],
        ["POST", "/store/clicks", "publishable", click({ details: { ["k\u0000"]: 1 } }), 400],
        ["POST", "/store/clicks", "publishable", click({ details: { note: "\ud800" } }), 400],
        ["GET", "/store/carts/%00", "customer", undefined, 400],
        ["GET", "/store/carts/%ED%A0%80", "customer", undefined, 400],
        ["GET", "/store/products/%E0%A4%A", "publishable", undefined, 400],
        [
          "DELETE",
          `/store/carts/${fixtures.own.cartId.toUpperCase()}/line-items/${fixtures.own.lineItemId}`,
          "customer",
          undefined,
          404,
        ],
        ["POST", `/store/carts/${fixtures.own.cartId}`, "customer", { metadata: { note: "\u0000" } }, 400],
      ]
      for (const [method, path, credential, body, expected] of cases) {
        const { status, fault } = await judged(method, path, credential, body)
        expect({ request: `${method} ${path}`, status, fault }).toEqual({
          request: `${method} ${path}`,
          status: expected,
          fault: undefined,
        })
      }
    })

    it("refuses a webhook for a payment provider the store does not have (Medusa queued it for the worker to fail on)", async () => {
      for (const provider of ["no_such_provider", "__proto__", "constructor", "pp_yookassa_yookassa"]) {
        const { status, fault } = await judged("POST", `/hooks/payment/${provider}`, "none", { event: "x" })
        expect({ provider, status, fault }).toEqual({ provider, status: 404, fault: undefined })
      }
    })

    it("keeps a registered shopper's cart with its owner: to anyone else holding its id it does not exist", async () => {
      const { cartId, lineItemId, paymentCollectionId } = fixtures.own
      const ownerOf = async () =>
        (await dbConnection.raw("SELECT customer_id FROM cart WHERE id = ?", [cartId])).rows[0].customer_id
      const owner = await ownerOf()
      const missing = await send({
        method: "GET",
        path: "/store/carts/cart_01NOSUCHCART000000000000000",
        credential: "other shopper",
        contentType: undefined,
        body: undefined,
        mayMintToken: false,
      })
      expect(missing.status).toBe(404)
      const notFound = (id: string) => JSON.parse(missing.body.replace("cart_01NOSUCHCART000000000000000", id))
      const attempts: [string, string, unknown][] = [
        ["GET", `/store/carts/${cartId}`, undefined],
        ["POST", `/store/carts/${cartId}`, { email: "thief@example.ru" }],
        ["POST", `/store/carts/${cartId}/customer`, {}],
        ["POST", `/store/carts/${cartId}/line-items`, { variant_id: fixtures.variantId, quantity: 1 }],
        ["POST", `/store/carts/${cartId}/line-items/${lineItemId}`, { quantity: 1 }],
        ["DELETE", `/store/carts/${cartId}/line-items/${lineItemId}`, undefined],
        ["POST", `/store/carts/${cartId}/promotions`, { promo_codes: ["NONE"] }],
        ["POST", `/store/carts/${cartId}/complete`, {}],
        ["POST", "/store/payment-collections", { cart_id: cartId }],
      ]
      for (const credential of ["other shopper", "publishable"] as const) {
        for (const [method, path, body] of attempts) {
          const answer = await judged(method, path, credential, body)
          expect({ request: `${credential}: ${method} ${path}`, ...answer }).toEqual({
            request: `${credential}: ${method} ${path}`,
            status: 404,
            fault: undefined,
          })
        }
        const read = await send({
          method: "GET",
          path: `/store/carts/${cartId}`,
          credential,
          contentType: undefined,
          body: undefined,
          mayMintToken: false,
        })
        expect(JSON.parse(read.body)).toEqual(notFound(cartId))
        const session = await judged(
          "POST",
          `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
          credential,
          { provider_id: "pp_yookassa_yookassa" }
        )
        expect(session).toEqual({ status: 404, fault: undefined })
      }
      expect(await ownerOf()).toBe(owner)
      // The owner still has all of it.
      expect(await judged("GET", `/store/carts/${cartId}`, "customer")).toEqual({ status: 200, fault: undefined })
      expect(await judged("POST", `/store/carts/${cartId}/customer`, "customer", {})).toEqual({
        status: 200,
        fault: undefined,
      })
    })

    const label = (route: FuzzRoute) => `${route.method} ${route.path}`

    it.each(FUZZ_ROUTES.map((route) => [label(route), route] as const))(
      "%s: no 5xx, every refusal says why and writes nothing",
      async (_, route) => {
        await fc.assert(
          fc.asyncProperty(hostileRequestTo(route, fixtures), async (request) => {
            const { fault } = await sendJudged(request)
            if (fault) {
              throw new Error(
                `${request.method} ${request.path.slice(0, 300)} (${request.credential}, ${request.contentType ?? "no content type"}, body ${JSON.stringify(request.body?.slice(0, 300))}): ${fault}`
              )
            }
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: false }
        )
      }
    )
  },
})
