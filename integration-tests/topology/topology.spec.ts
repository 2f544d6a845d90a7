import { freePort } from "../helpers/free-port"
import { randomBytes } from "node:crypto"
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Redis from "ioredis"
import { chromium } from "playwright-core"
import { SANDBOX_SHOP_ID, startYookassaSandbox, type YookassaSandbox } from "../../plugins/payment-yookassa/src/sandbox"
import { start as startBotApi, type BotApiDouble } from "../../plugins/telegram/src/testing/bot-api-double"
import { startTaggingProxy, type TaggedCall, type TaggingProxy } from "../helpers/tagging-proxy"
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy"
import { signInitData } from "../helpers/telegram-init-data"
import {
  adminSql,
  DATABASE_SERVER,
  databaseUrl,
  nginxClient,
  ordersOf as shopperOrders,
  sql,
  startPurchase as startShopperPurchase,
  type Shop,
  type StoreHeaders,
} from "../helpers/topology-shop"
import { LIGHT_THEME } from "../browser/miniapp/launch"
import { until } from "../helpers/until"
import { ensureBackendBuild } from "../helpers/production-build"
import type { Topology } from "../../scripts/topology/topology.mjs" with { "resolution-mode": "import" }

/**
 * The production topology with real processes (scripts/topology): the production build migrated
 * once, two servers and a worker on one PostgreSQL and one Redis, Debian's nginx in front with the
 * project's own configuration. A shopper buys through nginx; Yookassa's notification arrives
 * through nginx from an allowed address. Each Medusa process reaches Yookassa and the Bot API
 * through a proxy of its own, so the calls say which process did the background work.
 */
jest.setTimeout(10 * 60_000)

const ROOT = join(__dirname, "..", "..")
const DATABASE = "aistore_topology_test"
const REDIS_URL = process.env.TOPOLOGY_REDIS_URL ?? "redis://127.0.0.1:6379/11"
const PUBLIC_URL = "https://shop.aistore.test"
const WEBHOOK = "/hooks/payment/yookassa_yookassa"
/** Where the sandbox sends its notifications from: an address the store is told is Yookassa's. */
const YOOKASSA_SENDER = "127.0.0.5"
const ADMIN_CHAT_ID = "-1001234567890"
const SHOP_ID = SANDBOX_SHOP_ID
const ADMIN = { email: "topology@aistore.test", password: `admin-${randomBytes(12).toString("hex")}` }

/** Distinctive values: none may appear in a response, a log or the built Mini App. */
const SECRETS = {
  JWT_SECRET: `jwt-${randomBytes(24).toString("hex")}`,
  COOKIE_SECRET: `cookie-${randomBytes(24).toString("hex")}`,
  YOOKASSA_SECRET_KEY: `test_topology${randomBytes(16).toString("hex")}`,
  TELEGRAM_WEBHOOK_SECRET: `hook${randomBytes(16).toString("hex")}`,
  BOT_SECRET: `AAtopology${randomBytes(16).toString("hex")}`,
}
const BOT_TOKEN = `7000000002:${SECRETS.BOT_SECRET}`

async function emptyRedis() {
  const redis = new Redis(REDIS_URL)
  await redis.flushdb()
  await redis.quit()
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

type AccessLine = { method: string; uri: string; status: number; upstream: string; client: string }

describe("the production topology: nginx, two servers, one worker", () => {
  const runtimeDir = mkdtempSync(join(tmpdir(), "aistore-topology-"))
  const calls: TaggedCall[] = []
  const proxies: TaggingProxy[] = []
  /** Every response the tests saw (headers and body), searched for secrets at the end. */
  const responses: string[] = []
  let topology: Topology
  let sandbox: YookassaSandbox
  let botApi: BotApiDouble
  /** Between every Medusa process and PostgreSQL: the drill cuts it. */
  let database: TcpProxy
  let publishableKey: string
  let regionId: string
  /** Fault drill: the first call this matches SIGKILLs the worker while that call is in flight. */
  let killWorkerOn: ((call: TaggedCall) => boolean) | undefined

  /** Every request through nginx; the answers are kept for the secrets check. */
  const http = nginxClient({
    url: () => topology.url,
    onReply: (reply) =>
      responses.push(`${[...reply.headers].map(([name, value]) => `${name}: ${value}`).join("\n")}\n\n${reply.text}`),
  })

  const accessLog = (): AccessLine[] =>
    readFileSync(topology.accessLog, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))

  const callsBy = (tag: string) => calls.filter((call) => call.tag === tag)

  beforeAll(async () => {
    ensureBackendBuild()
    await adminSql(`DROP DATABASE IF EXISTS ${DATABASE}`)
    await adminSql(`CREATE DATABASE ${DATABASE}`)
    // A Redis database of its own, emptied: no queued job or session of an earlier run.
    await emptyRedis()

    const [nginx, server1, server2, worker] = await Promise.all([freePort(), freePort(), freePort(), freePort()])
    database = await startTcpProxy(DATABASE_SERVER)
    botApi = await startBotApi({ port: 0 })
    sandbox = await startYookassaSandbox({
      shopId: SHOP_ID,
      secretKey: SECRETS.YOOKASSA_SECRET_KEY,
      webhookUrl: `http://127.0.0.1:${nginx}${WEBHOOK}`,
      senderAddress: YOOKASSA_SENDER,
    })
    // Each process's own way out to Yookassa and to the Bot API.
    const outward: Record<string, { yookassa: string; telegram: string }> = {}
    for (const name of ["server-1", "server-2", "worker"]) {
      const yookassa = await startTaggingProxy(sandbox.url, name, calls, (call) => {
        if (killWorkerOn?.(call)) {
          killWorkerOn = undefined
          process.kill(-topology.process("worker")!.child.pid!, "SIGKILL")
        }
      })
      const telegram = await startTaggingProxy(botApi.url, name, calls)
      proxies.push(yookassa, telegram)
      outward[name] = { yookassa: `${yookassa.url}/v3`, telegram: telegram.url }
    }

    const { startTopology } = await import("../../scripts/topology/topology.mjs")
    topology = await startTopology({
      runtimeDir,
      ports: { nginx, servers: [server1, server2], worker },
      env: {
        DATABASE_URL: databaseUrl(DATABASE, database.port),
        REDIS_URL,
        JWT_SECRET: SECRETS.JWT_SECRET,
        COOKIE_SECRET: SECRETS.COOKIE_SECRET,
        MEDUSA_BACKEND_URL: PUBLIC_URL,
        STORE_CORS: PUBLIC_URL,
        ADMIN_CORS: PUBLIC_URL,
        MINIAPP_URL: PUBLIC_URL,
        DISABLE_MEDUSA_ADMIN: "true",
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_ADMIN_CHAT_ID: ADMIN_CHAT_ID,
        TELEGRAM_WEBHOOK_SECRET: SECRETS.TELEGRAM_WEBHOOK_SECRET,
        YOOKASSA_SHOP_ID: SHOP_ID,
        YOOKASSA_SECRET_KEY: SECRETS.YOOKASSA_SECRET_KEY,
        YOOKASSA_TRUSTED_IPS: YOOKASSA_SENDER,
        YOOKASSA_WEBHOOK_DELAY_MS: "100",
        // nginx connects from 127.0.0.1: only its X-Forwarded-For is believed.
        TRUSTED_PROXIES: "127.0.0.1",
        TRUSTED_PROXY_HOPS: "1",
      },
      processEnv: (role, index) => {
        const name = role === "worker" ? "worker" : `server-${index + 1}`
        return { YOOKASSA_API_URL: outward[name].yookassa, TELEGRAM_API_ROOT: outward[name].telegram }
      },
      seed: true,
      admin: ADMIN,
      say: (line) => process.stdout.write(`[topology] ${line}\n`),
    })

    const { body: config } = await http("/storefront/config")
    publishableKey = config.publishable_key
    regionId = config.region_id
  })

  afterAll(async () => {
    await topology?.stop()
    await Promise.all(proxies.map((proxy) => proxy.stop()))
    await sandbox?.stop()
    await botApi?.stop()
    await database?.stop()
    await adminSql(`DROP DATABASE IF EXISTS ${DATABASE}`)
    await emptyRedis()
    rmSync(runtimeDir, { recursive: true, force: true })
  })

  const shop = (): Shop => ({ botToken: BOT_TOKEN, publishableKey, regionId })
  /** A Telegram shopper signs in and starts paying for a course with Yookassa, all through nginx. */
  const startPurchase = (telegramId: number) => startShopperPurchase(http, shop(), telegramId)

  /** The shopper's orders, once there is one. */
  const ordersOf = (store: StoreHeaders, timeoutMs?: number) => shopperOrders(http, store, timeoutMs)

  /** Yookassa's notifications of a payment that reached the store (nginx answered 200). */
  const deliveredNotifications = (paymentId: string) =>
    sandbox.notifications.filter((record) => record.objectId === paymentId).map((record) => record.status)

  /** Whether a connection to `port` holds bytes its process has not read (the kernel's view; a server on :: shows in tcp6). */
  const requestWaitsAt = (port: number) =>
    ["/proc/net/tcp", "/proc/net/tcp6"]
      .flatMap((table) => readFileSync(table, "utf8").split("\n").slice(1))
      .map((line) => line.trim().split(/\s+/))
      .some(([, local, , state, queues]) => {
        const rxQueue = parseInt(queues?.split(":")[1] ?? "0", 16)
        return state === "01" && parseInt(local?.split(":")[1] ?? "0", 16) === port && rxQueue > 0
      })

  it("sells a course through nginx: the order is placed once, and the worker did the background work", async () => {
    const { store, paymentId } = await startPurchase(424242)

    // A client claiming Yookassa's address gets nowhere: nginx writes the address it saw.
    const forged = await http(WEBHOOK, {
      method: "POST",
      headers: { "x-forwarded-for": "185.71.76.5" },
      json: { type: "notification", event: "payment.succeeded", object: { id: paymentId, status: "succeeded" } },
    })
    expect(forged.status).toBe(403)

    // The shopper pays; Yookassa's notification comes through nginx from its (allowed) address.
    await sandbox.pay(paymentId)
    await sandbox.flushNotifications()
    expect(deliveredNotifications(paymentId)).toEqual([200])

    expect(await ordersOf(store)).toHaveLength(1)
    await until(
      () => botApi.delivered.find((message) => String(message.chatId) === ADMIN_CHAT_ID),
      "the merchant's sale message"
    )

    // The servers created the payment (the shopper's request); the worker re-read it after the
    // webhook (the notification subscriber) and sent the sale message (order.placed subscriber).
    const servers = [...callsBy("server-1"), ...callsBy("server-2")]
    expect(servers).toContainEqual({ tag: expect.stringMatching(/^server-/), method: "POST", path: "/v3/payments" })
    expect(callsBy("worker")).toContainEqual({ tag: "worker", method: "GET", path: `/v3/payments/${paymentId}` })
    expect(callsBy("worker").some((call) => call.path.endsWith("/sendMessage"))).toBe(true)
    expect(servers.filter((call) => call.path.endsWith("/sendMessage"))).toEqual([])
    expect(servers.filter((call) => call.path === `/v3/payments/${paymentId}`)).toEqual([])
    // Still one, now that everything the payment set off has run.
    expect(await ordersOf(store)).toHaveLength(1)
  })

  it("answers through both servers, and an admin session cookie holds on either", async () => {
    const login = await http("/auth/user/emailpass", { method: "POST", json: ADMIN })
    expect(login.status).toBe(200)
    const session = await http("/auth/session", {
      method: "POST",
      headers: { authorization: `Bearer ${login.body.token}` },
    })
    expect(session.status).toBe(200)
    const cookie = session.headers.get("set-cookie")?.split(";")[0]
    expect(cookie).toMatch(/^connect\.sid=/)

    const logged = accessLog().length
    for (let i = 0; i < 6; i++) {
      const me = await http("/admin/users/me", { headers: { cookie: cookie! } })
      expect(me.status).toBe(200)
      expect(me.body.user.email).toBe(ADMIN.email)
    }
    const answeredBy = new Set(
      accessLog()
        .slice(logged)
        .map((line) => line.upstream)
    )
    expect(answeredBy).toEqual(new Set(topology.servers.map((server) => `127.0.0.1:${server.port}`)))
    // Nothing reached the worker, which nginx does not know.
    expect(accessLog().some((line) => line.upstream.endsWith(`:${topology.worker.port}`))).toBe(false)
  })

  describe("fault drills", () => {
    /** Sale messages to the merchant, one per order. */
    const saleMessages = () => botApi.delivered.filter((message) => String(message.chatId) === ADMIN_CHAT_ID).length
    const rateLimited = () =>
      botApi.calls.filter((call) => call.method.toLowerCase() === "sendmessage" && call.status === 429).length
    /** The answer of a store request while the database cannot be reached. */
    const UNAVAILABLE = {
      type: "service_unavailable",
      code: "service_unavailable",
      message: "The store is temporarily unavailable. Please try again in a few seconds.",
    }

    /** Each order in the database has exactly one sale message, and no message names another order. */
    async function expectOneSaleMessagePerOrder() {
      const orders = await sql(DATABASE, 'SELECT display_id FROM "order" WHERE deleted_at IS NULL')
      const numbers = botApi.delivered
        .filter((message) => String(message.chatId) === ADMIN_CHAT_ID)
        .map((message) => /Новый заказ №(\d+)/.exec(message.text)?.[1])
      expect(numbers.sort()).toEqual(orders.map((order) => String(order.display_id)).sort())
    }

    it("the Bot API answers 429 for a while: every sale message arrives afterwards, exactly once", async () => {
      const begun = Date.now()
      const messagesBefore = saleMessages()
      const refusedBefore = rateLimited()
      // Every attempt of both orders' first sends is refused (4 each, honouring retry_after): both
      // messages fail, and the re-send job has to deliver them once the Bot API accepts again.
      const refusals = 8
      botApi.failNext({ kind: "rate_limit", retryAfter: 1, method: "sendMessage", chatId: ADMIN_CHAT_ID }, refusals)
      const purchases = [await startPurchase(717171), await startPurchase(727272)]
      for (const { paymentId } of purchases) {
        await sandbox.pay(paymentId)
      }
      await sandbox.flushNotifications()
      for (const { store } of purchases) {
        expect(await ordersOf(store)).toHaveLength(1)
      }
      await until(
        () => (rateLimited() === refusedBefore + refusals ? true : undefined),
        "the Bot API's 429 answers",
        120_000
      )
      await until(() => (saleMessages() === messagesBefore + 2 ? true : undefined), "both sale messages", 150_000)
      await expectOneSaleMessagePerOrder()
      process.stdout.write(`[drill] Bot API 429: ${((Date.now() - begun) / 1000).toFixed(1)} s\n`)
    })

    it("PostgreSQL unreachable: store requests answer 503 with a message, and the store recovers by itself", async () => {
      const begun = Date.now()
      const store = { "x-publishable-api-key": publishableKey }
      const products = () =>
        http(`/store/products?limit=1&region_id=${regionId}&fields=id`, {
          headers: store,
          signal: AbortSignal.timeout(30_000),
        })
      const productLines = (since: number) =>
        accessLog()
          .slice(since)
          .filter((line) => line.uri.startsWith("/store/products"))
      // nginx writes a request's line after answering it: wait for it, so it is not counted with the cut's.
      const loggedBeforeCheck = accessLog().length
      expect((await products()).status).toBe(200)
      await until(
        () => (productLines(loggedBeforeCheck).length ? true : undefined),
        "the check's access-log line",
        10_000
      )

      const loggedBeforeCut = accessLog().length
      await database.cut()
      try {
        // Side by side: each waits for a connection (up to src/api/errors/database-wait.ts's 10 s), then fails.
        const answers = await Promise.all([products(), products(), products(), products()])
        for (const answer of answers) {
          expect([answer.status, answer.body]).toEqual([503, UNAVAILABLE])
          expect(answer.headers.get("retry-after")).toBe("5")
        }
        // Both servers said so (nginx spreads the requests; other traffic, such as a webhook, is left out).
        const cutAnswers = await until(
          () => (productLines(loggedBeforeCut).length >= 4 ? productLines(loggedBeforeCut) : undefined),
          "the cut's access-log lines",
          10_000
        )
        expect(cutAnswers.map((line) => line.status)).toEqual([503, 503, 503, 503])
        expect(new Set(cutAnswers.map((line) => line.upstream)).size).toBe(2)
      } finally {
        // Whatever the outcome, the drills after this one need the database.
        await database.restore()
      }
      await until(
        async () => ((await products()).status === 200 ? true : undefined),
        "the store to answer again",
        60_000
      )
      const logged = accessLog().length
      for (let i = 0; i < 4; i++) {
        expect((await products()).status).toBe(200)
      }
      const afterRestore = accessLog()
        .slice(logged)
        .filter((line) => line.uri.startsWith("/store/products"))
      expect(new Set(afterRestore.map((line) => line.upstream)).size).toBe(2)
      // Nobody restarted anything: every process lived through it.
      for (const name of ["worker", ...topology.servers.map((server) => server.name)]) {
        expect([name, topology.process(name)!.child.exitCode]).toEqual([name, null])
      }
      // And a purchase goes through again, background work included.
      const messagesBefore = saleMessages()
      const { store: shopper, paymentId } = await startPurchase(737373)
      await sandbox.pay(paymentId)
      await sandbox.flushNotifications()
      expect(await ordersOf(shopper)).toHaveLength(1)
      await until(
        () => (saleMessages() === messagesBefore + 1 ? true : undefined),
        "the sale message after the outage",
        150_000
      )
      process.stdout.write(`[drill] PostgreSQL cut: ${((Date.now() - begun) / 1000).toFixed(1)} s\n`)
    })

    it("a server SIGKILLed while Yookassa's webhook waits for its answer: Yookassa's retry places the order once", async () => {
      const { store, paymentId } = await startPurchase(515151)
      // nginx takes the servers in turn: once two probes went to different servers, the next
      // request (the webhook) goes where the first of them went. (A server nginx has just marked
      // failed is skipped for 10 s, so the probes go on until both answer.)
      const logged = accessLog().length
      const probeUpstreams = () =>
        accessLog()
          .slice(logged)
          .filter((line) => line.uri === "/health")
          .map((line) => line.upstream)
      let sent = 0
      const probes = await until(
        async () => {
          await http("/health")
          sent += 1
          const upstreams = await until(
            () => (probeUpstreams().length === sent ? probeUpstreams() : undefined),
            "the probe's access-log line",
            10_000,
            20
          )
          const [before, last] = upstreams.slice(-2)
          return before && last && before !== last ? upstreams : undefined
        },
        "probes answered by both servers in turn",
        30_000,
        200
      )
      const victim = topology.servers.find((entry) => probes[probes.length - 2] === `127.0.0.1:${entry.port}`)!
      // Stopped, it still takes the connection and the request, and never answers.
      const killed = topology.process(victim.name)!
      process.kill(-killed.child.pid!, "SIGSTOP")
      try {
        await sandbox.pay(paymentId)
        await until(
          () => (requestWaitsAt(victim.port) ? true : undefined),
          "the webhook to reach the stopped server",
          10_000
        )
      } finally {
        process.kill(-killed.child.pid!, "SIGKILL")
      }
      await killed.exited

      await sandbox.flushNotifications()
      expect(deliveredNotifications(paymentId)).toEqual([200])
      // Unanswered by the killed server (nginx answered 502), then answered by the other one
      // (nginx writes a line just after answering).
      const webhookAnswers = await until(() => {
        const answers = accessLog()
          .slice(logged)
          .filter((line) => line.uri === WEBHOOK)
          .map((line) => ({ status: line.status, upstream: line.upstream }))
        return answers.some((answer) => answer.status === 200) ? answers : undefined
      }, "the webhook's answered access-log line")
      expect(webhookAnswers[0]).toEqual({ status: 502, upstream: `127.0.0.1:${victim.port}` })
      expect(webhookAnswers[webhookAnswers.length - 1].status).toBe(200)
      expect(await ordersOf(store)).toHaveLength(1)
      await topology.startMedusa(victim.name)
      expect(await ordersOf(store)).toHaveLength(1)
      expect(sandbox.refunds(paymentId)).toEqual([])
    })

    it("the worker SIGKILLed in the middle of placing an order, then restarted: one order, one sale message", async () => {
      const messagesBefore = saleMessages()
      const { store, paymentId } = await startPurchase(616161)
      // Killed the moment its notification subscriber asks Yookassa about the payment.
      killWorkerOn = (call) => call.tag === "worker" && call.path === `/v3/payments/${paymentId}`
      await sandbox.pay(paymentId)
      await sandbox.flushNotifications()
      expect(deliveredNotifications(paymentId)).toEqual([200])
      await until(() => (killWorkerOn ? undefined : true), "the worker to be killed mid-job")
      await topology.process("worker")!.exited
      await topology.startMedusa("worker")

      // The interrupted job is taken up again (BullMQ's stalled-job check, or reconciliation).
      expect(await ordersOf(store, 150_000)).toHaveLength(1)
      await until(() => (saleMessages() === messagesBefore + 1 ? true : undefined), "the order's sale message", 60_000)
      expect(await ordersOf(store)).toHaveLength(1)
      expect(sandbox.refunds(paymentId)).toEqual([])
      expect(saleMessages()).toBe(messagesBefore + 1)
      // Every drill's orders, still one sale message each.
      await expectOneSaleMessagePerOrder()
    })
  })

  it("runs scheduled jobs on the worker only", async () => {
    // Reconciliation (every minute) lists Yookassa's recent payments.
    const isListing = (call: TaggedCall) => call.method === "GET" && call.path.startsWith("/v3/payments?")
    await until(() => callsBy("worker").find(isListing), "the reconciliation job on the worker", 75_000)
    expect(calls.filter((call) => call.tag !== "worker" && isListing(call))).toEqual([])
  })

  it("sends security headers on every response, and CORS only for the Mini App's origin", async () => {
    const asset = readdirSync(join(ROOT, "storefront-miniapp", "dist", "assets")).find((name) => name.endsWith(".js"))
    const pages = {
      miniApp: await http("/"),
      deepLink: await http("/course/some-course"),
      asset: await http(`/assets/${asset}`, { headers: { "accept-encoding": "gzip" } }),
      api: await http("/storefront/config"),
      missing: await http("/store/products", { headers: { "x-publishable-api-key": "pk_wrong" } }),
      admin: await http("/app"),
    }
    for (const [what, page] of Object.entries(pages)) {
      expect([what, page.headers.get("x-content-type-options")]).toEqual([what, "nosniff"])
      expect([what, page.headers.get("strict-transport-security")]).toEqual([what, "max-age=31536000"])
      expect([what, page.headers.get("permissions-policy")]).toEqual([what, "camera=(), microphone=(), geolocation=()"])
      expect([what, page.headers.get("referrer-policy")]).toEqual([what, "strict-origin-when-cross-origin"])
      expect([what, page.headers.get("content-security-policy")]).toEqual([
        what,
        expect.stringContaining("frame-ancestors"),
      ])
      expect([what, page.headers.get("x-powered-by")]).toEqual([what, null])
    }
    const csp = pages.miniApp.headers.get("content-security-policy")!
    expect(csp).toContain("frame-ancestors 'self' https://web.telegram.org")
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' https:\/\/yookassa\.ru/)
    expect(pages.miniApp.headers.get("x-frame-options")).toBeNull()
    expect(pages.deepLink.body).toBe(pages.miniApp.body)
    expect(pages.miniApp.headers.get("cache-control")).toBe("no-cache")
    expect(pages.asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    expect(pages.asset.headers.get("content-encoding")).toBe("gzip")
    expect(pages.api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(pages.admin.headers.get("content-security-policy")).toBe("frame-ancestors 'none'")

    const preflight = (origin: string) =>
      http("/store/carts", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } })
    expect((await preflight(PUBLIC_URL)).headers.get("access-control-allow-origin")).toBe(PUBLIC_URL)
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull()
  })

  it("runs the Mini App under its CSP: the catalogue draws with no violation", async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    })
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
      const violations: string[] = []
      page.on("console", (message) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text())
      })
      await page.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (event) =>
          console.error(`Content-Security-Policy: ${event.violatedDirective} ${event.blockedURI}`)
        )
      )
      // Opened as Telegram opens it: signed launch parameters in the hash.
      const initData = signInitData(
        { user: { id: 434343, first_name: "Топология", language_code: "ru" } },
        BOT_TOKEN,
        new Date()
      )
      const launch = new URLSearchParams({
        tgWebAppData: initData,
        tgWebAppVersion: "8.0",
        tgWebAppPlatform: "weba",
        tgWebAppThemeParams: JSON.stringify(LIGHT_THEME),
      })
      await page.goto(`${topology.url}/#${launch}`)
      await page.locator('[data-testid="catalogue"][data-state="ready"]').waitFor({ timeout: 30_000 })
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it("limits request bodies at the sizes the README gives, and logins", async () => {
    /** nginx's own 413 page, not an answer of the server behind it. */
    const refusedByNginx = (reply: { status: number; text: string }) => reply.status === 413 && /nginx/.test(reply.text)
    /** A JSON body of exactly `bytes` bytes to `path`. */
    const postOfSize = (path: string, bytes: number, headers: Record<string, string> = {}) => {
      const frame = JSON.stringify({ padding: "" }).length
      return http(path, { method: "POST", headers, json: { padding: "x".repeat(bytes - frame) } })
    }
    const limits: [string, number, Record<string, string>][] = [
      ["/store/clicks", 256 * 1024, { "x-publishable-api-key": publishableKey }],
      ["/auth/customer/telegram", 16 * 1024, { authorization: "tma hash=0" }],
      ["/admin/uploads", 10 * 1024 * 1024, {}],
    ]
    for (const [path, limit, headers] of limits) {
      const atLimit = await postOfSize(path, limit, headers)
      const over = await postOfSize(path, limit + 1, headers)
      expect({ path, atLimit: refusedByNginx(atLimit), over: refusedByNginx(over) }).toEqual({
        path,
        atLimit: false,
        over: true,
      })
    }

    // The largest initData the server takes (8 KB) signs in through nginx: it travels in a header.
    const frame = signInitData({ user: { id: 434344, first_name: "Восемь" }, padding: "" }, BOT_TOKEN, new Date())
    const initData = signInitData(
      { user: { id: 434344, first_name: "Восемь" }, padding: "x".repeat(8 * 1024 - frame.length) },
      BOT_TOKEN,
      new Date()
    )
    expect(initData).toHaveLength(8 * 1024)
    const login = await http("/auth/customer/telegram", {
      method: "POST",
      headers: { authorization: `tma ${initData}` },
    })
    expect({ status: login.status, token: typeof login.body?.token }).toEqual({ status: 200, token: "string" })

    // A burst of logins from one address: the first ones are checked (and refused: bad initData), the rest wait.
    const statuses = await Promise.all(
      Array.from({ length: 80 }, () =>
        http("/auth/customer/telegram", { method: "POST", headers: { authorization: "tma hash=0" } }).then(
          (r) => r.status
        )
      )
    )
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0)
    expect(statuses.filter((status) => status !== 429).every((status) => status === 401)).toBe(true)
  })

  it("shows no secret in any response, any process's log or the built Mini App", async () => {
    const places: Array<[string, string]> = [
      ...responses.map((text, index): [string, string] => [`response ${index}`, text]),
      ...filesUnder(topology.logDir).map((path): [string, string] => [path, readFileSync(path, "utf8")]),
      ...filesUnder(join(runtimeDir, "nginx"))
        .filter((path) => path.endsWith(".log"))
        .map((path): [string, string] => [path, readFileSync(path, "utf8")]),
      ...filesUnder(join(ROOT, "storefront-miniapp", "dist")).map((path): [string, string] => [
        path,
        readFileSync(path, "latin1"),
      ]),
    ]
    expect(responses.length).toBeGreaterThan(20)
    const leaks = places.flatMap(([where, text]) =>
      [...Object.entries(SECRETS), ["ADMIN_PASSWORD", ADMIN.password]]
        .filter(([, secret]) => text.includes(secret))
        .map(([name]) => `${name} in ${where}`)
    )
    expect(leaks).toEqual([])
  })

  it("stops cleanly: no process of the topology is left, nginx's workers included", async () => {
    const groups = ["nginx", "worker", ...topology.servers.map((server) => server.name)].map(
      (name) => topology.process(name)!.child.pid!
    )
    await topology.stop()
    const alive = groups.filter((group) => {
      try {
        process.kill(-group, 0)
        return true
      } catch {
        return false
      }
    })
    expect(alive).toEqual([])
  })
})
