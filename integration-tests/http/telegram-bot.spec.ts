import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { registerBot } from "../../plugins/telegram/src/bot/register-bot"
import { readEnvironment } from "../../src/config/environment"
import { useBotApiDouble } from "../helpers/bot-api"
import { until } from "../helpers/until"
import { errorResponse } from "../helpers/http"

jest.setTimeout(180_000)

const bot = useBotApiDouble(19_400)
const { webhookSecret, miniAppUrl, botToken } = readEnvironment().telegram
const SHOPPER_CHAT = 424242

const startUpdate = (updateId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: SHOPPER_CHAT, type: "private", first_name: "Лена" },
    from: { id: SHOPPER_CHAT, is_bot: false, first_name: "Лена" },
    text,
  },
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    const send = (body: unknown, secret: string | null = webhookSecret) =>
      api
        .post("/hooks/telegram", typeof body === "string" ? body : JSON.stringify(body), {
          headers: {
            "content-type": "application/json",
            ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
          },
          transformRequest: (data: unknown) => data,
        })
        .catch(errorResponse)

    const messagesToShopper = () =>
      bot.api().delivered.filter((message) => String(message.chatId) === String(SHOPPER_CHAT))

    beforeEach(() => bot.api().reset())

    it("answers /start with a button that opens the Mini App, passing the deep link through", async () => {
      const response = await send(startUpdate(1, "/start course_42"))
      expect(response.status).toBe(200)

      const [reply] = await until(() => (messagesToShopper().length ? messagesToShopper() : undefined), "the reply")
      expect(reply.text).toContain("Здравствуйте, Лена!")
      const expectedUrl = new URL(miniAppUrl)
      expectedUrl.searchParams.set("startapp", "course_42")
      expect(reply.replyMarkup).toEqual({
        inline_keyboard: [[{ text: "Открыть магазин", web_app: { url: expectedUrl.toString() } }]],
      })
    })

    it("answers an update Telegram delivers twice only once", async () => {
      await send(startUpdate(2, "/start"))
      await send(startUpdate(2, "/start"))
      await until(() => (messagesToShopper().length ? true : undefined), "the reply")
      // A third, distinct update proves the event queue has drained past the duplicate.
      await send(startUpdate(3, "/start"))
      await until(() => (messagesToShopper().length === 2 ? true : undefined), "the second reply")
      expect(messagesToShopper()).toHaveLength(2)
    })

    it.each([
      ["no secret", null],
      ["a wrong secret", "x".repeat(webhookSecret.length)],
      ["a secret of another length", "short-secret-123"],
    ])("refuses an update with %s (401) and acts on nothing", async (_case, secret) => {
      const response = await send(startUpdate(4, "/start"), secret)
      expect(response.status).toBe(401)
      expect(response.data.message).toEqual(expect.any(String))
      await send(startUpdate(5, "/start"))
      await until(() => (messagesToShopper().length ? true : undefined), "the reply to the good update")
      expect(messagesToShopper()).toHaveLength(1)
    })

    it.each([
      ["not JSON", "{update"],
      ["not an update", { hello: "world" }],
      ["an update_id that is text", { update_id: "1" }],
    ])("drops a malformed update (%s) with 200", async (_case, body) => {
      const response = await send(body)
      expect(response.status).toBe(200)
    })

    it("registers the webhook with its secret, the menu button and the commands", async () => {
      await registerBot({
        botToken,
        apiRoot: bot.api().url,
        webhookUrl: "https://shop.example.ru/hooks/telegram",
        webhookSecret,
        miniAppUrl,
      })
      const calls = Object.fromEntries(bot.api().calls.map((call) => [call.method, call.params]))
      expect(calls.setWebhook).toMatchObject({
        url: "https://shop.example.ru/hooks/telegram",
        secret_token: webhookSecret,
      })
      expect(calls.setChatMenuButton).toMatchObject({ menu_button: { type: "web_app", web_app: { url: miniAppUrl } } })
      expect(calls.setMyCommands).toMatchObject({ commands: [{ command: "start" }] })
    })
  },
})
