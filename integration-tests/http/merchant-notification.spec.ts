import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import resendFailedTelegramNotifications from "../../plugins/telegram/src/jobs/resend-failed-telegram-notifications"
import { start, type BotApiDouble } from "../../plugins/telegram/src/testing/bot-api-double"
import { readEnvironment } from "../../src/config/environment"
import { signInitData } from "../helpers/telegram-init-data"
import { placeCourseOrder, prepareStore, type StorefrontConfig } from "./store-setup"

jest.setTimeout(180_000)

const ADMIN_CHAT_ID = "-1001234567890"
const BOT_API_PORT = 19_300 + Number(process.env.JEST_WORKER_ID ?? 1)

// The app reads its configuration before the runner applies `env`: set it first, restore after.
const saved = { root: process.env.TELEGRAM_API_ROOT, chat: process.env.TELEGRAM_ADMIN_CHAT_ID }
process.env.TELEGRAM_API_ROOT = `http://127.0.0.1:${BOT_API_PORT}`
process.env.TELEGRAM_ADMIN_CHAT_ID = ADMIN_CHAT_ID
afterAll(() => {
  for (const [name, value] of [["TELEGRAM_API_ROOT", saved.root], ["TELEGRAM_ADMIN_CHAT_ID", saved.chat]] as const) {
    if (value === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = value
    }
  }
})

let botApi: BotApiDouble
beforeAll(async () => {
  botApi = await start({ port: BOT_API_PORT })
})
afterAll(async () => {
  await botApi?.stop()
})

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) {
      return value
    }
    await new Promise((wake) => setTimeout(wake, 100))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

const adminMessages = () => botApi.delivered.filter((message) => String(message.chatId) === ADMIN_CHAT_ID)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig

    const notificationFor = async (orderId: string) => {
      const [notification] = await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ resource_id: orderId, channel: "telegram" })
      return notification as (typeof notification & { status: string }) | undefined
    }

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
    })

    beforeEach(async () => {
      botApi.reset()
      config = (await api.get("/storefront/config")).data
    })

    it("sends the merchant one message about the sale, with the shopper's Telegram profile", async () => {
      const initData = signInitData(
        { user: { id: 6001, first_name: "Мария", last_name: "<Иванова>", username: "maria_i" } },
        readEnvironment().telegram.botToken,
        new Date()
      )
      const { data: login } = await api.post("/auth/customer/telegram", {}, { headers: { authorization: `tma ${initData}` } })
      const { order, product } = await placeCourseOrder(api, config, login.token)

      const [message] = await until(() => (adminMessages().length ? adminMessages() : undefined), "the admin message")
      const price = new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB", maximumFractionDigits: 0 })
        .format(order.total)
      expect(message.text).toContain(`Новый заказ №${order.display_id}`)
      expect(message.text).toContain(product.title)
      expect(message.text).toContain(`Итого: ${price}`)
      expect(message.text).toContain("Мария <Иванова> (@maria_i)")
      expect(message.text).toContain("без оплаты")
      expect(message.parseMode).toBe("HTML")
      // Everything the shopper typed was escaped in the HTML the bot sent.
      expect(message.source).toContain("&lt;Иванова&gt;")
      expect(message.source).toContain(`/app/orders/${order.id}`)

      await until(async () => ((await notificationFor(order.id))?.status === "success" ? true : undefined), "status")
      expect(adminMessages()).toHaveLength(1)
    })

    it("waits out a 429 and delivers exactly one message", async () => {
      botApi.failNext({ kind: "rate_limit", retryAfter: 1, method: "sendMessage" })
      const { order } = await placeCourseOrder(api, config)
      await until(async () => ((await notificationFor(order.id))?.status === "success" ? true : undefined), "delivery")
      expect(adminMessages()).toHaveLength(1)
      expect(botApi.calls.filter((call) => call.method === "sendMessage")).toHaveLength(2)
    })

    it("keeps the order when the Bot API is down, and the re-send job delivers once it is back", async () => {
      botApi.failNext({ kind: "server_error", method: "sendMessage" }, 4)
      const { order } = await placeCourseOrder(api, config)
      expect(order.id).toMatch(/^order_/)

      await until(async () => ((await notificationFor(order.id))?.status === "failure" ? true : undefined), "failure")
      expect(adminMessages()).toHaveLength(0)

      const first = await resendFailedTelegramNotifications(getContainer())
      expect(first).toMatchObject({ retried: 1, delivered: 1 })
      expect(adminMessages()).toHaveLength(1)
      expect((await notificationFor(order.id))?.status).toBe("success")

      const again = await resendFailedTelegramNotifications(getContainer())
      expect(again).toEqual({ retried: 0, delivered: 0, undeliverable: 0 })
      expect(adminMessages()).toHaveLength(1)
    })

    it("does not retry a chat that refused the bot (403), and says why on the record", async () => {
      botApi.failNext({ kind: "forbidden", method: "sendMessage" })
      const { order } = await placeCourseOrder(api, config)
      const failed = await until(
        async () => {
          const record = await notificationFor(order.id)
          return record?.status === "failure" ? record : undefined
        },
        "failure"
      )
      expect((failed.provider_data as any).telegram.error.reason).toBe("forbidden")
      expect(await resendFailedTelegramNotifications(getContainer())).toMatchObject({ retried: 0, undeliverable: 1 })
      expect(botApi.calls.filter((call) => call.method === "sendMessage")).toHaveLength(1)
    })
  },
})
