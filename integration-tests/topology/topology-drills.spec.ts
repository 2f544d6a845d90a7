import { freePort } from "../helpers/free-port"
import { randomBytes } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import Redis from "ioredis"
import { SANDBOX_SHOP_ID, startYookassaSandbox, type YookassaSandbox } from "../../plugins/payment-yookassa/src/sandbox"
import { start as startBotApi, type BotApiDouble } from "../../plugins/telegram/src/testing/bot-api-double"
import { startRedisServer, type RedisServer } from "../helpers/redis-server"
import {
  adminSql,
  databaseUrl,
  nginxClient,
  ordersOf,
  PurchaseStepFailed,
  sql,
  startPurchase,
  type NginxClient,
  type Shop,
  type StartedPurchase,
} from "../helpers/topology-shop"
import { until } from "../helpers/until"
import { workerPort } from "../helpers/test-environment"
import { ensureBackendBuild } from "../helpers/production-build"
import type { Topology } from "../../scripts/topology/topology.mjs" with { "resolution-mode": "import" }

/**
 * Fault drills under load, on the production topology (scripts/topology: two servers, the worker,
 * nginx) with a Redis of its own that a drill may stop: purchases are never lost or doubled
 * whatever happens, judged by PostgreSQL and the Yookassa sandbox, never by timings.
 * One topology for both drills (it takes a minute to start).
 */
jest.setTimeout(10 * 60_000)

const DATABASE = "aistore_topology_drills_test"
const PUBLIC_URL = "https://shop.aistore.test"
const WEBHOOK = "/hooks/payment/yookassa_yookassa"
/** Where the sandbox sends its notifications from: an address the store is told is Yookassa's. */
const YOOKASSA_SENDER = "127.0.0.5"
const SHOP_ID = SANDBOX_SHOP_ID
const YOOKASSA_SECRET_KEY = `test_drills${randomBytes(16).toString("hex")}`
const BOT_TOKEN = `7000000003:AAdrills${randomBytes(16).toString("hex")}`

/** workflow-engine-redis's BullMQ queue of scheduled jobs, and the reconciliation's entry there. */
const SCHEDULES_QUEUE = "medusa-workflows-jobs"
const RECONCILIATION_SCHEDULE = "schedule_job-reconcile-yookassa-payments"

/** One line of the topology's nginx access log; `retry_after` is the answer's Retry-After header ("" when none). */
type AccessLine = { method: string; uri: string; status: number; upstream: string; client: string; retry_after: string }

describe("fault drills on the production topology", () => {
  const runtimeDir = mkdtempSync(join(tmpdir(), "aistore-drills-"))
  /** Medusa processes that exited without being asked to: none may. */
  const exitedUnasked: string[] = []
  let topology: Topology
  let redis: RedisServer
  let sandbox: YookassaSandbox
  let botApi: BotApiDouble
  let shop: Shop
  /** A client from nginx's own address: the setup and the checks after a drill. */
  let http: NginxClient

  const accessLog = (): AccessLine[] =>
    readFileSync(topology.accessLog, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))

  beforeAll(async () => {
    ensureBackendBuild()
    await adminSql(`DROP DATABASE IF EXISTS ${DATABASE}`)
    await adminSql(`CREATE DATABASE ${DATABASE}`)
    redis = await startRedisServer(workerPort(6390))

    const [nginx, server1, server2, worker] = await Promise.all([freePort(), freePort(), freePort(), freePort()])
    botApi = await startBotApi({ port: 0 })
    sandbox = await startYookassaSandbox({
      shopId: SHOP_ID,
      secretKey: YOOKASSA_SECRET_KEY,
      webhookUrl: `http://127.0.0.1:${nginx}${WEBHOOK}`,
      senderAddress: YOOKASSA_SENDER,
    })
    const { startTopology } = await import("../../scripts/topology/topology.mjs")
    topology = await startTopology({
      runtimeDir,
      ports: { nginx, servers: [server1, server2], worker },
      env: {
        DATABASE_URL: databaseUrl(DATABASE),
        REDIS_URL: redis.url,
        JWT_SECRET: randomBytes(24).toString("hex"),
        COOKIE_SECRET: randomBytes(24).toString("hex"),
        MEDUSA_BACKEND_URL: PUBLIC_URL,
        STORE_CORS: PUBLIC_URL,
        ADMIN_CORS: PUBLIC_URL,
        MINIAPP_URL: PUBLIC_URL,
        DISABLE_MEDUSA_ADMIN: "true",
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
        TELEGRAM_API_ROOT: botApi.url,
        TELEGRAM_WEBHOOK_SECRET: randomBytes(16).toString("hex"),
        YOOKASSA_SHOP_ID: SHOP_ID,
        YOOKASSA_SECRET_KEY,
        YOOKASSA_API_URL: sandbox.apiUrl,
        YOOKASSA_TRUSTED_IPS: YOOKASSA_SENDER,
        YOOKASSA_WEBHOOK_DELAY_MS: "100",
        // nginx connects from 127.0.0.1: only its X-Forwarded-For is believed.
        TRUSTED_PROXIES: "127.0.0.1",
        TRUSTED_PROXY_HOPS: "1",
      },
      seed: true,
      say: (line) => process.stdout.write(`[drills] ${line}\n`),
      onUnexpectedExit: (name) => exitedUnasked.push(name),
    })
    http = nginxClient({ url: () => topology.url })
    const { body: config } = await http("/storefront/config")
    shop = { botToken: BOT_TOKEN, publishableKey: config.publishable_key, regionId: config.region_id }
  })

  afterAll(async () => {
    await topology?.stop()
    await sandbox?.stop()
    await botApi?.stop()
    await redis?.stop()
    await adminSql(`DROP DATABASE IF EXISTS ${DATABASE}`)
    rmSync(runtimeDir, { recursive: true, force: true })
  })

  const nginxErrors = (): string[] =>
    readFileSync(join(dirname(topology.accessLog), "error.log"), "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)

  /** A shopper of a crowd: requests from an address of its own (127.0.<group>.<n>), as phones are. */
  const crowdClient = (group: number, index: number, onReply?: Parameters<typeof nginxClient>[0]["onReply"]) =>
    nginxClient({ url: () => topology.url, localAddress: `127.0.${group}.${index + 1}`, onReply })

  /**
   * After paying, what the Mini App's order page does: completes the cart (Medusa re-reads the
   * payment; the webhook may be placing the order at the same moment), then follows the orders,
   * completing again every fifth poll. A failed request (5xx, or no answer) is told to `onFailure`
   * and tried again, until `timeoutMs`.
   */
  function settle(
    client: NginxClient,
    purchase: StartedPurchase,
    { timeoutMs, intervalMs, onFailure }: { timeoutMs: number; intervalMs: number; onFailure: (what: string) => void }
  ) {
    let polls = 0
    return until(
      async () => {
        const completing = polls++ % 5 === 0
        const step = completing ? "complete" : "orders"
        const reply = await (
          completing
            ? client(`/store/carts/${purchase.cartId}/complete`, { method: "POST", headers: purchase.store })
            : client("/store/orders?fields=id", { headers: purchase.store })
        ).catch((error: Error) => {
          onFailure(`${step} ${error.message}`)
          return undefined
        })
        if (reply && reply.status >= 500) {
          onFailure(`${step} ${reply.status}`)
        }
        const placed = completing ? reply?.body?.type === "order" : reply?.body?.orders?.length > 0
        return placed ? true : undefined
      },
      `the order of cart ${purchase.cartId}`,
      timeoutMs,
      intervalMs
    )
  }

  /**
   * What PostgreSQL and Yookassa say about every payment: each succeeded payment has exactly one
   * order, or (an orphan the store's reconciliation gave back) no order and exactly one full
   * refund; no order has two payments; no customer keeps paying for more than one order.
   */
  async function readLedger() {
    // One statement, one snapshot: an order placed meanwhile cannot show on one side only.
    const [{ sessions, orders }]: Array<{
      sessions: Array<{ payment_id: string; customer_id: string; order_id: string | null }>
      orders: Array<{ id: string; customer_id: string; captured: number; paid_with: string | null }>
    }> = await sql(
      DATABASE,
      `SELECT
         (SELECT coalesce(json_agg(DISTINCT jsonb_build_object(
                   'payment_id', ps.data->>'id', 'customer_id', c.customer_id, 'order_id', o.id)), '[]')
            FROM payment_session ps
            JOIN cart_payment_collection cpc ON cpc.payment_collection_id = ps.payment_collection_id
            JOIN cart c ON c.id = cpc.cart_id
            LEFT JOIN order_payment_collection opc
              ON opc.payment_collection_id = ps.payment_collection_id AND opc.deleted_at IS NULL
            LEFT JOIN "order" o ON o.id = opc.order_id AND o.deleted_at IS NULL
           WHERE ps.provider_id = 'pp_yookassa_yookassa') AS sessions,
         (SELECT coalesce(json_agg(row_to_json(paid)), '[]') FROM (
            SELECT o.id, o.customer_id, count(p.id)::int AS captured, string_agg(p.data->>'id', ',') AS paid_with
              FROM "order" o
              LEFT JOIN order_payment_collection opc ON opc.order_id = o.id AND opc.deleted_at IS NULL
              LEFT JOIN payment p ON p.payment_collection_id = opc.payment_collection_id AND p.deleted_at IS NULL
             WHERE o.deleted_at IS NULL
             GROUP BY o.id, o.customer_id) AS paid) AS orders`
    )
    const succeeded = sandbox.payments().filter((payment) => payment.status === "succeeded")
    const kept = succeeded.filter((payment) => sandbox.refunds(payment.id).length === 0)
    const problems: string[] = []
    for (const payment of succeeded) {
      const ordersOfPayment = new Set(
        sessions.filter((row) => row.payment_id === payment.id && row.order_id).map((row) => row.order_id)
      )
      const refunds = sandbox.refunds(payment.id)
      const orphanGivenBack =
        ordersOfPayment.size === 0 && refunds.length === 1 && refunds[0].amount.value === payment.amount.value
      if (!(ordersOfPayment.size === 1 && refunds.length === 0) && !orphanGivenBack) {
        problems.push(
          `payment ${payment.id} (cart ${payment.metadata.cart_id}): ${ordersOfPayment.size} orders, ${refunds.length} refunds`
        )
      }
    }
    for (const order of orders) {
      const paidBy = new Set(
        sessions
          .filter((row) => row.order_id === order.id && kept.some((payment) => payment.id === row.payment_id))
          .map((row) => row.payment_id)
      )
      if (paidBy.size !== 1 || order.captured !== 1) {
        problems.push(
          `order ${order.id}: ${paidBy.size} succeeded payments, ${order.captured} payments in Medusa (${order.paid_with})`
        )
      }
    }
    const keptByCustomer = new Map<string, number>()
    for (const payment of kept) {
      const customer = sessions.find((row) => row.payment_id === payment.id)?.customer_id ?? "(no session)"
      keptByCustomer.set(customer, (keptByCustomer.get(customer) ?? 0) + 1)
    }
    for (const [customer, count] of keptByCustomer) {
      if (count > 1) {
        problems.push(`customer ${customer} charged ${count} times`)
      }
    }
    if (orders.length !== kept.length) {
      problems.push(`${orders.length} orders for ${kept.length} payments kept`)
    }
    return { problems, succeeded: succeeded.length, refunded: succeeded.length - kept.length, orders: orders.length }
  }

  /**
   * The ledger balances once the store has finished: Medusa creates an order, and links its
   * payment a moment later, in a step of its own (the shopper may see the order in between).
   */
  async function expectLedgerBalanced() {
    let ledger = await readLedger()
    await until(
      async () => {
        ledger = await readLedger()
        return ledger.problems.length === 0 ? true : undefined
      },
      "the ledger to balance",
      30_000,
      500
    ).catch(() => undefined)
    expect(ledger.problems).toEqual([])
    return { succeeded: ledger.succeeded, refunded: ledger.refunded, orders: ledger.orders }
  }

  /** Every Medusa process still runs: nobody restarted one, and none died. */
  function expectNoProcessRestarted() {
    expect(exitedUnasked).toEqual([])
    for (const name of ["worker", ...topology.servers.map((server) => server.name)]) {
      expect([name, topology.process(name)!.child.exitCode]).toEqual([name, null])
    }
  }

  it("Redis restarts during a stream of purchases: no purchase lost or doubled, and the store recovers by itself", async () => {
    const SHOPPERS = 16
    const LANES = 4
    const IN_FLIGHT = 3
    const loggedBefore = accessLog().length
    const stream = { completed: 0, failedRequests: 0, failedAfterStop: 0, statuses: new Map<string, number>() }
    let redisDown = false
    const noteFailure = (what: string) => {
      stream.failedRequests += 1
      if (redisDown) stream.failedAfterStop += 1
      stream.statuses.set(what, (stream.statuses.get(what) ?? 0) + 1)
    }
    /** For a failure's message: the shoppers' failed steps, and nginx's answers by upstream since the drill began. */
    const whatWentWrong = () => {
      const answers = new Map<string, number>()
      for (const line of accessLog().slice(loggedBefore)) {
        const key = `${line.upstream} ${line.status}`
        answers.set(key, (answers.get(key) ?? 0) + 1)
      }
      return `failed steps ${JSON.stringify(Object.fromEntries(stream.statuses))}, nginx ${JSON.stringify(Object.fromEntries(answers))}`
    }
    /** One shopper: starts over when a step fails (as a shopper taps again), pays once, waits for the order. */
    const buy = async (client: NginxClient, telegramId: number, paid?: StartedPurchase) => {
      const purchase =
        paid ??
        (await until(
          () =>
            startPurchase(client, shop, telegramId).catch((error: Error) => {
              noteFailure(error instanceof PurchaseStepFailed ? `${error.step} ${error.reply.status}` : error.message)
              return undefined
            }),
          `shopper ${telegramId}'s payment`,
          300_000,
          500
        ).catch((error: Error) => {
          throw new Error(`${error.message}; ${whatWentWrong()}`)
        }))
      if (!paid) await sandbox.pay(purchase.paymentId)
      await settle(client, purchase, { timeoutMs: 300_000, intervalMs: 500, onFailure: noteFailure }).catch(
        (error: Error) => {
          throw new Error(`${error.message}; ${whatWentWrong()}`)
        }
      )
      stream.completed += 1
    }

    // Three shoppers are at Yookassa's payment page when Redis goes: they pay during the outage.
    const inFlight = await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, index) => startPurchase(crowdClient(2, index), shop, 820_000 + index))
    )
    let next = 0
    const lanes = Array.from({ length: LANES }, async () => {
      while (next < SHOPPERS) {
        const index = next++
        await buy(crowdClient(3, index), 830_000 + index)
      }
    })
    await until(() => (stream.completed >= LANES ? true : undefined), "purchases before the outage", 120_000)

    await redis.stop()
    redisDown = true
    await Promise.all(inFlight.map((purchase) => sandbox.pay(purchase.paymentId)))
    // Yookassa's notifications reached the store, and the stream hit the outage.
    await until(
      () =>
        inFlight.every((purchase) =>
          sandbox.notifications.some((record) => record.objectId === purchase.paymentId && record.attempts > 0)
        ) && stream.failedAfterStop > 0
          ? true
          : undefined,
      "the outage to be felt",
      60_000
    )
    const completedBeforeRestart = stream.completed
    await redis.start()
    redisDown = false

    await Promise.all([
      ...lanes,
      ...inFlight.map((purchase, index) => buy(crowdClient(2, index), 820_000 + index, purchase)),
    ])
    await sandbox.flushNotifications()

    // The worker's job schedules (Yookassa reconciliation among them) are in the new Redis too.
    const schedules = new Redis(redis.url)
    try {
      await until(
        async () =>
          (await schedules.zrange(`bull:${SCHEDULES_QUEUE}:repeat`, 0, -1)).includes(RECONCILIATION_SCHEDULE)
            ? true
            : undefined,
        "the reconciliation's schedule in Redis",
        30_000
      )
    } finally {
      schedules.disconnect()
    }

    // Recovered by itself: a new purchase placed by the webhook alone (worker's event bus, locks).
    const after = await startPurchase(http, shop, 840_000)
    await sandbox.pay(after.paymentId)
    await sandbox.flushNotifications()
    expect(await ordersOf(http, after.store, 120_000)).toHaveLength(1)
    expectNoProcessRestarted()

    const ledger = await expectLedgerBalanced()
    expect(stream.completed).toBe(SHOPPERS + IN_FLIGHT)
    const failed = accessLog()
      .slice(loggedBefore)
      .filter((line) => line.status >= 500)
    process.stdout.write(
      `[drill] Redis restart: ${stream.completed} purchases (${completedBeforeRestart} done before Redis came back), ` +
        `${stream.failedRequests} failed steps ${JSON.stringify(Object.fromEntries(stream.statuses))}, ` +
        `nginx 5xx ${JSON.stringify(failed.map((line) => line.status))}; ` +
        `ledger ${JSON.stringify(ledger)}\n`
    )
    // What failed during the outage said so: 503 with Retry-After, to be tried again (src/api/errors), never a 500.
    expect(failed.filter((line) => line.status !== 503 || !/^\d+$/.test(line.retry_after))).toEqual([])
  })

  it("50 shoppers buy for 60 s through nginx: no 5xx, every succeeded payment has exactly one order", async () => {
    const SHOPPERS = 50
    const deadline = Date.now() + 60_000
    const loggedBefore = accessLog().length
    const paymentsBefore = sandbox.payments().filter((payment) => payment.status === "succeeded").length
    const statuses = new Map<number, number>()
    const latencies: number[] = []
    const failures: string[] = []
    let purchases = 0

    const shopper = async (index: number) => {
      const plain = crowdClient(1, index, (reply) => statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1))
      const client: NginxClient = async (path, init) => {
        const begun = performance.now()
        const reply = await plain(path, init)
        latencies.push(performance.now() - begun)
        return reply
      }
      // A new Telegram user each time: a course is bought once per customer.
      for (let round = 0; Date.now() < deadline; round++) {
        try {
          const purchase = await startPurchase(client, shop, 900_000 + index * 1000 + round)
          await sandbox.pay(purchase.paymentId)
          await settle(client, purchase, {
            timeoutMs: 120_000,
            intervalMs: 1000,
            onFailure: (what) => failures.push(what),
          })
          purchases += 1
        } catch (error) {
          failures.push((error as Error).message)
        }
      }
    }
    await Promise.all(Array.from({ length: SHOPPERS }, (_, index) => shopper(index)))
    await sandbox.flushNotifications()

    const served = accessLog().slice(loggedBefore)
    const errors = served.filter((line) => line.status >= 500)
    const sorted = latencies.sort((a, b) => a - b)
    const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    const ledger = await expectLedgerBalanced()
    process.stdout.write(
      `[drill] ${SHOPPERS} shoppers, 60 s: ${purchases} purchases, ${latencies.length} requests ` +
        `(p50 ${percentile(50)?.toFixed(0)} ms, p99 ${percentile(99)?.toFixed(0)} ms), ` +
        `statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${errors.length} 5xx at nginx, ` +
        `${failures.length} failed purchases; payments succeeded in this drill ` +
        `${sandbox.payments().filter((payment) => payment.status === "succeeded").length - paymentsBefore}; ` +
        `ledger ${JSON.stringify(ledger)}\n`
    )
    if (errors.length > 0) {
      // Why nginx answered 5xx itself (an upstream that closed or refused), for a failed CI run.
      process.stdout.write(`[drill] nginx error.log:\n${nginxErrors().slice(-20).join("\n")}\n`)
    }
    expect(errors.map((line) => `${line.status} ${line.method} ${line.uri} ${line.upstream}`)).toEqual([])
    expect(failures.slice(0, 5)).toEqual([])
    expect(purchases).toBeGreaterThan(0)
    expectNoProcessRestarted()
  })
})
