import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import resendFailedTelegramNotifications from "../../plugins/telegram/src/jobs/resend-failed-telegram-notifications"
import { sendTelegramNotification } from "../../plugins/telegram/src/notifications/send-telegram-notification"
import type TelegramDeliveryModuleService from "../../plugins/telegram/src/modules/telegram-delivery/service"
import { ADMIN_CHAT_ID, useBotApiDouble } from "../helpers/bot-api"
import { useEnvironment } from "../helpers/test-environment"
import { until } from "../helpers/until"
import { placeCourseOrder, prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { signInShopper } from "../helpers/shopper"

jest.setTimeout(180_000)

const bot = useBotApiDouble(19_300)
const FORUM_TOPIC = 77
useEnvironment({ TELEGRAM_ADMIN_THREAD_ID: String(FORUM_TOPIC) })
const ADMIN = { email: "sales@aistore.test", password: "a long enough password" }

const adminMessages = () => bot.api().delivered.filter((message) => String(message.chatId) === ADMIN_CHAT_ID)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let config: StorefrontConfig
    let admin: { headers: Record<string, string> }

    const notificationFor = async (orderId: string) => {
      const [notification] = await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ resource_id: orderId, channel: "telegram" })
      return notification as (typeof notification & { status: string }) | undefined
    }

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: true, manualPayments: true })
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      const { data: login } = await api.post("/auth/user/emailpass", ADMIN)
      admin = { headers: { authorization: `Bearer ${login.token}` } }
    })

    beforeEach(async () => {
      bot.api().reset()
      config = (await api.get("/storefront/config")).data
    })

    it("sends the merchant one message about the sale, with the shopper's Telegram profile", async () => {
      const token = await signInShopper(api, {
        id: 6001,
        first_name: "Мария",
        last_name: "<Иванова>",
        username: "maria_i",
      })
      const { order, product } = await placeCourseOrder(api, config, token)

      const [message] = await until(() => (adminMessages().length ? adminMessages() : undefined), "the admin message")
      const price = new Intl.NumberFormat("ru-RU", {
        style: "currency",
        currency: "RUB",
        maximumFractionDigits: 0,
      }).format(order.total)
      expect(message.text).toContain(`Новый заказ №${order.display_id}`)
      expect(message.text).toContain(product.title)
      expect(message.text).toContain(`Итого: ${price}`)
      expect(message.text).toContain("Мария <Иванова> (@maria_i)")
      expect(message.text).toContain("системный провайдер")
      expect(message.parseMode).toBe("HTML")
      // TELEGRAM_ADMIN_THREAD_ID: into the chat's forum topic.
      expect(message.messageThreadId).toBe(FORUM_TOPIC)
      // Everything the shopper typed was escaped in the HTML the bot sent.
      expect(message.source).toContain("&lt;Иванова&gt;")
      expect(message.source).toContain(`/app/orders/${order.id}`)

      await until(async () => ((await notificationFor(order.id))?.status === "success" ? true : undefined), "status")
      expect(adminMessages()).toHaveLength(1)
    })

    it("waits out a 429 and delivers exactly one message", async () => {
      bot.api().failNext({ kind: "rate_limit", retryAfter: 1, method: "sendMessage" })
      const { order } = await placeCourseOrder(api, config)
      await until(async () => ((await notificationFor(order.id))?.status === "success" ? true : undefined), "delivery")
      expect(adminMessages()).toHaveLength(1)
      expect(bot.api().calls.filter((call) => call.method === "sendMessage")).toHaveLength(2)
    })

    it("keeps the order when the Bot API is down, and the re-send job delivers once it is back", async () => {
      bot.api().failNext({ kind: "server_error", method: "sendMessage" }, 4)
      const { order } = await placeCourseOrder(api, config)
      expect(order.id).toMatch(/^order_/)

      await until(async () => ((await notificationFor(order.id))?.status === "failure" ? true : undefined), "failure")
      expect(adminMessages()).toHaveLength(0)

      const first = await resendFailedTelegramNotifications(getContainer())
      expect(first).toMatchObject({ retried: 1, delivered: 1 })
      expect(adminMessages()).toHaveLength(1)
      expect((await notificationFor(order.id))?.status).toBe("success")

      const again = await resendFailedTelegramNotifications(getContainer())
      expect(again).toEqual({ retried: 0, delivered: 0, undeliverable: 0, caughtUp: 0, stopped: null })
      expect(adminMessages()).toHaveLength(1)
    })

    it("announces an order whose event never reached the subscriber", async () => {
      const { order } = await placeCourseOrder(api, config)
      await until(async () => ((await notificationFor(order.id))?.status === "success" ? true : undefined), "delivery")
      // As if the event had been lost: no record of a message, and the order past the grace period.
      await dbConnection.raw("DELETE FROM notification WHERE resource_id = ?", [order.id])
      await dbConnection.raw(`UPDATE "order" SET created_at = now() - interval '5 minutes' WHERE id = ?`, [order.id])
      bot.api().reset()

      expect(await resendFailedTelegramNotifications(getContainer())).toMatchObject({ caughtUp: 1 })
      expect(adminMessages()).toHaveLength(1)
      expect(adminMessages()[0].text).toContain(`Новый заказ №${order.display_id}`)
      expect(await resendFailedTelegramNotifications(getContainer())).toMatchObject({ caughtUp: 0 })
      expect(adminMessages()).toHaveLength(1)
    })

    it("does not retry a chat that refused the bot (403), and says why on the record", async () => {
      bot.api().failNext({ kind: "forbidden", method: "sendMessage" })
      const { order } = await placeCourseOrder(api, config)
      const failed = await until(async () => {
        const record = await notificationFor(order.id)
        return record?.status === "failure" ? record : undefined
      }, "failure")
      expect((failed.provider_data as any).telegram.error.reason).toBe("forbidden")
      // Recorded as undeliverable by the send itself (just after Medusa stores the failure), so the
      // re-send queue never sees it.
      const deliveries = getContainer().resolve<TelegramDeliveryModuleService>("telegram_delivery")
      const mark = await until(
        async () => (await deliveries.listUndeliverableMessages({ notification_id: failed.id }))[0],
        "undeliverable mark"
      )
      expect(mark).toMatchObject({ reason: "forbidden" })
      expect(await resendFailedTelegramNotifications(getContainer())).toMatchObject({ retried: 0, undeliverable: 0 })
      expect(bot.api().calls.filter((call) => call.method === "sendMessage")).toHaveLength(1)
    })

    it("never announces a draft order; its conversion is announced once, with its final content", async () => {
      const { data: catalogue } = await api.get(
        `/store/products?limit=1&region_id=${config.region_id}&fields=id,title,*variants`,
        { headers: { "x-publishable-api-key": config.publishable_key } }
      )
      const product = catalogue.products[0]
      const { data: created } = await api.post(
        "/admin/draft-orders",
        {
          email: "draft@example.ru",
          region_id: config.region_id,
          items: [{ variant_id: product.variants[0].id, quantity: 1 }],
        },
        admin
      )
      const draftId = created.draft_order.id
      // Past the subscriber's grace period, as in the observed case (announced 160 s later).
      await dbConnection.raw(`UPDATE "order" SET created_at = now() - interval '5 minutes' WHERE id = ?`, [draftId])

      expect(await resendFailedTelegramNotifications(getContainer())).toMatchObject({ caughtUp: 0 })
      expect(adminMessages()).toHaveLength(0)
      expect(await notificationFor(draftId)).toBeUndefined()

      // The merchant adds a second course before converting: the message must show it.
      await api.post(`/admin/draft-orders/${draftId}/edit`, {}, admin)
      const second = (
        await api.get(`/store/products?limit=2&offset=1&fields=id,title,*variants`, {
          headers: { "x-publishable-api-key": config.publishable_key },
        })
      ).data.products[0]
      await api.post(
        `/admin/draft-orders/${draftId}/edit/items`,
        { items: [{ variant_id: second.variants[0].id, quantity: 1 }] },
        admin
      )
      await api.post(`/admin/draft-orders/${draftId}/edit/confirm`, {}, admin)
      await api.post(`/admin/draft-orders/${draftId}/convert-to-order`, {}, admin)

      const [message] = await until(() => (adminMessages().length ? adminMessages() : undefined), "the sale message")
      expect(message.text).toContain(product.title)
      expect(message.text).toContain(second.title)
      await until(async () => ((await notificationFor(draftId))?.status === "success" ? true : undefined), "status")
      expect(await resendFailedTelegramNotifications(getContainer())).toMatchObject({ caughtUp: 0 })
      expect(adminMessages()).toHaveLength(1)
    })

    const sendCalls = () => bot.api().calls.filter((call) => call.method === "sendMessage").length
    const testMessage = (key: string, to = ADMIN_CHAT_ID) => ({
      to,
      template: "test",
      data: { html: `Сообщение ${key}` },
      idempotency_key: key,
    })

    it("takes permanent failures out of the queue: a temporary failure behind 60 of them is still retried", async () => {
      const container = getContainer()
      // A wrong chat id: every message to it is refused for good.
      bot.api().failNext({ kind: "bad_request", description: "Bad Request: chat not found", chatId: "-100999" }, 60)
      for (let i = 0; i < 60; i++) {
        expect(await sendTelegramNotification(container, testMessage(`wrong-chat-${i}`, "-100999"))).toMatchObject({
          delivered: false,
          undeliverable: true,
        })
      }
      bot.api().failNext({ kind: "server_error", method: "sendMessage" }, 4)
      const { order } = await placeCourseOrder(api, config)
      await until(async () => ((await notificationFor(order.id))?.status === "failure" ? true : undefined), "failure")

      expect(await resendFailedTelegramNotifications(container)).toMatchObject({ retried: 1, delivered: 1 })
      expect(adminMessages()).toHaveLength(1)
      expect(adminMessages()[0].text).toContain(`Новый заказ №${order.display_id}`)
    })

    it("re-sends a message left pending by a sender that died mid-send", async () => {
      const { order } = await placeCourseOrder(api, config)
      await until(async () => ((await notificationFor(order.id))?.status === "success" ? true : undefined), "delivery")
      // As a worker that died after Medusa stored the record and before it stored the outcome leaves it.
      await dbConnection.raw(
        `UPDATE notification SET status = 'pending', provider_data = NULL, external_id = NULL,
           updated_at = now() - interval '10 minutes' WHERE resource_id = ?`,
        [order.id]
      )
      bot.api().reset()

      expect(await resendFailedTelegramNotifications(getContainer())).toMatchObject({ retried: 1, delivered: 1 })
      expect(adminMessages()).toHaveLength(1)
      expect((await notificationFor(order.id))?.status).toBe("success")
      expect(await resendFailedTelegramNotifications(getContainer())).toMatchObject({ retried: 0, caughtUp: 0 })
      expect(adminMessages()).toHaveLength(1)
    })

    it("makes one short attempt per message, stops at the first network error, and keeps a time budget", async () => {
      const container = getContainer()
      bot.api().failNext({ kind: "server_error", method: "sendMessage" }, 1000)
      for (const key of ["down-1", "down-2", "down-3"]) {
        expect((await sendTelegramNotification(container, testMessage(key), { max_attempts: 1 })).delivered).toBe(false)
      }
      const before = sendCalls()
      expect(await resendFailedTelegramNotifications(container)).toMatchObject({
        retried: 1,
        delivered: 0,
        stopped: "unreachable",
      })
      expect(sendCalls() - before).toBe(1)

      bot.api().reset()
      expect(await resendFailedTelegramNotifications(container, { budgetMs: 0 })).toMatchObject({
        retried: 0,
        stopped: "budget",
      })
      expect(sendCalls()).toBe(0)

      expect(await resendFailedTelegramNotifications(container)).toMatchObject({
        retried: 3,
        delivered: 3,
        stopped: null,
      })
      expect(
        adminMessages()
          .map((message) => message.text)
          .sort()
      ).toEqual(["Сообщение down-1", "Сообщение down-2", "Сообщение down-3"])
    })

    it("sends a key once when it is sent again without its record's id (a re-delivered update)", async () => {
      const container = getContainer()
      bot.api().failNext({ kind: "server_error", method: "sendMessage" }, 4)
      expect((await sendTelegramNotification(container, testMessage("update-42"))).delivered).toBe(false)
      expect((await sendTelegramNotification(container, testMessage("update-42"))).delivered).toBe(true)
      expect((await sendTelegramNotification(container, testMessage("update-42"))).delivered).toBe(true)
      expect(await resendFailedTelegramNotifications(container)).toMatchObject({ retried: 0 })

      expect(adminMessages().filter((message) => message.text === "Сообщение update-42")).toHaveLength(1)
      const records = await container
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ idempotency_key: "update-42" } as never)
      expect(records.map((record: any) => record.status)).toEqual(["success"])
    })
  },
})
