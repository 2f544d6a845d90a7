import type { Logger, ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BotApiError, DEFAULT_METHODS, start, type BotApiDouble } from "../../../testing/bot-api-double"
import { escapeHtml } from "../../../utils/escape-html"
import providerModule from "../index"
import { TelegramDeliveryError } from "../errors"
import TelegramNotificationProviderService from "../service"
import type { TelegramNotificationOptions } from "../options"

const TOKEN = "123456789:AAHdq-secret_TOKEN-value_0042"
const CHAT = "987654321"

let api: BotApiDouble
let logger: Logger & { warn: jest.Mock; error: jest.Mock; info: jest.Mock }

beforeEach(async () => {
  api = await start()
  logger = { warn: jest.fn(), error: jest.fn(), info: jest.fn(), debug: jest.fn(), log: jest.fn() } as any
})

afterEach(async () => {
  await api.stop()
})

function provider(options: Partial<TelegramNotificationOptions> = {}) {
  return new TelegramNotificationProviderService(
    { logger },
    {
      botToken: TOKEN,
      apiRoot: api.url,
      retryBaseDelayMs: 10,
      retryMaxDelayMs: 40,
      requestTimeoutMs: 2_000,
      channels: ["telegram"],
      ...options,
    }
  )
}

function notification(overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO {
  return {
    to: CHAT,
    channel: "telegram",
    template: "order-placed",
    data: { html: "<b>New order #1001</b>\nTotal: 1 500 ₽" },
    ...overrides,
  }
}

/** Runs `send` and returns what it threw (failing the test if it did not throw). */
async function failure(promise: Promise<unknown>): Promise<TelegramDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown
  )
  if (!(error instanceof TelegramDeliveryError)) {
    throw new Error(`expected a TelegramDeliveryError, got ${String(error)}`)
  }
  return error
}

function expectNoToken(error: TelegramDeliveryError) {
  const secretPart = TOKEN.split(":")[1]
  for (const text of [error.message, String(error.stack), JSON.stringify(error), error.description]) {
    expect(text).not.toContain(secretPart)
  }
  for (const [line] of [...logger.warn.mock.calls, ...logger.error.mock.calls, ...logger.info.mock.calls]) {
    expect(String(line)).not.toContain(secretPart)
  }
}

describe("Telegram notification provider: registration and options", () => {
  it("is the notification provider 'telegram' of a Medusa module provider", () => {
    expect(TelegramNotificationProviderService.identifier).toBe("telegram")
    expect(providerModule.services).toEqual([TelegramNotificationProviderService])
  })

  it("requires botToken, naming the option", () => {
    expect(() => TelegramNotificationProviderService.validateOptions({ channels: ["telegram"] })).toThrow(
      /botToken is required/
    )
    expect(() => TelegramNotificationProviderService.validateOptions({ botToken: " " })).toThrow(MedusaError)
  })

  it("rejects a malformed apiRoot or retry setting, naming the option and never echoing the token", () => {
    expect(() =>
      TelegramNotificationProviderService.validateOptions({ botToken: TOKEN, apiRoot: "api.telegram.org" })
    ).toThrow(/apiRoot must be an http\(s\) URL/)
    expect(() => TelegramNotificationProviderService.validateOptions({ botToken: TOKEN, maxAttempts: 0 })).toThrow(
      /maxAttempts/
    )
    expect(() =>
      TelegramNotificationProviderService.validateOptions({ botToken: TOKEN, requestTimeoutMs: "5s" })
    ).toThrow(/requestTimeoutMs/)
    const bad = `${TOKEN} x`
    expect(() => TelegramNotificationProviderService.validateOptions({ botToken: bad })).toThrow(
      /botToken must not contain/
    )
    try {
      TelegramNotificationProviderService.validateOptions({ botToken: bad })
    } catch (error) {
      expect((error as Error).message).not.toContain(TOKEN)
    }
  })

  it("accepts the defaults with only a token", () => {
    expect(() =>
      TelegramNotificationProviderService.validateOptions({ botToken: TOKEN, channels: ["telegram"] })
    ).not.toThrow()
  })
})

describe("Telegram notification provider: sending through the Bot API double", () => {
  it("sends the text in HTML parse mode to the notification's chat and returns <chat>:<message_id>", async () => {
    const result = await provider().send(notification())

    expect(api.calls).toHaveLength(1)
    const [call] = api.calls
    expect(call.method).toBe("sendMessage")
    expect(call.token).toBe(TOKEN)
    expect(call.params).toMatchObject({
      chat_id: CHAT,
      parse_mode: "HTML",
      text: "<b>New order #1001</b>\nTotal: 1 500 ₽",
    })
    expect(api.delivered.map((message) => message.text)).toEqual(["New order #1001\nTotal: 1 500 ₽"])
    expect(result).toEqual({ id: `${CHAT}:1` })
  })

  it("posts into a forum topic and honours the optional message settings", async () => {
    await provider().send(
      notification({
        to: "-1001234567890",
        data: {
          html: "Sale",
          message_thread_id: "7",
          disable_notification: true,
          disable_link_preview: true,
          reply_markup: { inline_keyboard: [[{ text: "Open order", url: "https://admin.example.test/app/orders/1" }]] },
        },
      })
    )
    expect(api.calls[0].params).toMatchObject({
      chat_id: "-1001234567890",
      message_thread_id: 7,
      disable_notification: true,
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: [[{ text: "Open order" }]] },
    })
    expect(api.delivered[0].messageThreadId).toBe(7)
  })

  it("takes content.html before data.html", async () => {
    await provider().send(notification({ content: { html: "from <i>content</i>" }, data: { html: "from data" } }))
    expect(api.delivered[0].text).toBe("from content")
  })

  it("delivers user-supplied text escaped, exactly as typed; unescaped, Telegram would refuse it", async () => {
    const shopperName = `<script>alert("x")</script> Tom & Jerry's <b>`
    await provider().send(notification({ data: { html: `Buyer: <b>${escapeHtml(shopperName)}</b>` } }))
    expect(api.delivered[0].text).toBe(`Buyer: ${shopperName}`)

    const error = await failure(provider().send(notification({ data: { html: `Buyer: <b>${shopperName}</b>` } })))
    expect(error.reason).toBe("rejected")
    expect(error.status).toBe(400)
    expect(error.message).toMatch(/can't parse entities/)
    expect(api.calls).toHaveLength(2)
  })

  it("sends a 5,000-character text as 2 messages, in order, and reports the first one's id", async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${escapeHtml(`<${i}>`)} `.padEnd(49, "x"))
    const html = lines.join("\n") + "\n"
    expect(html).toHaveLength(5000)

    const result = await provider().send(notification({ data: { html } }))

    expect(api.delivered).toHaveLength(2)
    expect(api.delivered.map((message) => message.messageId)).toEqual([1, 2])
    expect(api.delivered.every((message) => message.source.length <= 4096)).toBe(true)
    expect(api.delivered.map((message) => message.source).join("\n")).toBe(html.trimEnd())
    expect(result).toEqual({ id: `${CHAT}:1` })
  })

  it("waits retry_after on a 429 and then delivers exactly one message", async () => {
    api.failNext({ kind: "rate_limit", retryAfter: 1 })
    const started = Date.now()

    await provider().send(notification())

    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
    expect(api.calls.map((call) => call.status)).toEqual([429, 200])
    expect(api.delivered).toHaveLength(1)
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/rate_limited \(HTTP 429\) on attempt 1\/4, retrying in 1000 ms/)
    )
  })

  it("fails at once when a 429 asks to wait longer than maxRetryAfterSeconds", async () => {
    api.failNext({ kind: "rate_limit", retryAfter: 120 })
    const error = await failure(provider({ maxRetryAfterSeconds: 5 }).send(notification()))
    expect(error.reason).toBe("rate_limited")
    expect(error.retryable).toBe(true)
    expect(api.calls).toHaveLength(1)
  })

  it("retries 5xx with back-off: two 500s then success deliver one message", async () => {
    api.failNext({ kind: "server_error" }, 2)

    await provider().send(notification())

    expect(api.calls.map((call) => call.status)).toEqual([500, 500, 200])
    expect(api.delivered).toHaveLength(1)
  })

  it("gives up on 5xx after maxAttempts with a one-line reason, without the token", async () => {
    api.failNext({ kind: "server_error", status: 502 }, 10)

    const error = await failure(provider({ maxAttempts: 3 }).send(notification()))

    expect(error.reason).toBe("server_error")
    expect(error.attempts).toBe(3)
    expect(error.message).toMatch(
      /^Telegram message to chat 987654321 not delivered \(HTTP 502, server_error, 3 attempts\)/
    )
    expect(error.message).not.toContain("\n")
    expect(api.calls).toHaveLength(3)
    expectNoToken(error)
  })

  it("fails at once on 403 (the user never started the bot), with a typed reason and one call only", async () => {
    api.failNext({ kind: "forbidden" })
    const sent = notification()

    const error = await failure(provider().send(sent))

    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.reason).toBe("forbidden")
    expect(error.retryable).toBe(false)
    expect(error.status).toBe(403)
    expect(error.message).toMatch(/never started the bot or blocked it/)
    expect(error.message).toMatch(/Forbidden: bot can't initiate conversation with a user/)
    expect(api.calls).toHaveLength(1)
    expect(logger.warn).not.toHaveBeenCalled()
    expect(sent.provider_data).toEqual({
      telegram: {
        message_ids: [],
        chunks: 1,
        error: {
          reason: "forbidden",
          status: 403,
          description: "Forbidden: bot can't initiate conversation with a user",
          attempts: 1,
        },
      },
    })
    expectNoToken(error)
  })

  it("fails at once on other 4xx (a wrong token gets 401), without the token", async () => {
    await api.stop()
    api = await start({ token: "1:another-bot" })

    const error = await failure(provider().send(notification()))

    expect(error.reason).toBe("rejected")
    expect(error.status).toBe(401)
    expect(api.calls).toHaveLength(1)
    expectNoToken(error)
  })

  it("ends a hanging Bot API call with a bounded failure", async () => {
    api.failNext({ kind: "hang" }, 5)
    const started = Date.now()

    const error = await failure(provider({ requestTimeoutMs: 200, maxAttempts: 2 }).send(notification()))

    expect(Date.now() - started).toBeLessThan(2_000)
    expect(error.reason).toBe("timeout")
    expect(error.attempts).toBe(2)
    expect(error.message).toMatch(/did not answer in time/)
    expect(api.calls.map((call) => call.status)).toEqual(["hang", "hang"])
    expectNoToken(error)
  })

  it("reports an unreachable Bot API as a network failure whose message holds no token", async () => {
    const apiRoot = api.url
    await api.stop()

    const error = await failure(provider({ apiRoot, maxAttempts: 2 }).send(notification()))

    expect(error.reason).toBe("network")
    expect(error.attempts).toBe(2)
    expect(error.message).toMatch(/ECONNREFUSED/)
    expect(error.message).toContain("[REDACTED]")
    expectNoToken(error)
    expect(logger.warn).toHaveBeenCalledTimes(1)
  })

  it("scrubs a token of any shape from network errors (telegraf only redacts <digits>:<secret>)", async () => {
    const apiRoot = api.url
    await api.stop()
    const token = "local-development-token"

    const error = await failure(provider({ apiRoot, botToken: token, maxAttempts: 1 }).send(notification()))

    expect(error.reason).toBe("network")
    for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
      expect(text).not.toContain(token)
    }
  })

  it("refuses a notification without text or with a bad chat id before calling Telegram", async () => {
    const noText = await failure(provider().send(notification({ data: {} })))
    expect(noText.reason).toBe("invalid_notification")
    expect(noText.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(noText.message).toMatch(/data\.html or content\.html/)

    const badChat = await failure(provider().send(notification({ to: "someone@example.com" })))
    expect(badChat.reason).toBe("invalid_notification")

    const badTopic = await failure(provider().send(notification({ data: { html: "x", message_thread_id: "topic" } })))
    expect(badTopic.message).toMatch(/message_thread_id/)

    const onlyTags = await failure(provider().send(notification({ data: { html: "<b> </b>" } })))
    expect(onlyTags.message).toMatch(/nothing to read/)

    const unsplittable = await failure(
      provider().send(notification({ data: { html: `<a href="https://x.test/${"x".repeat(5000)}">x</a>` } }))
    )
    expect(unsplittable.reason).toBe("invalid_notification")
    expect(unsplittable.message).toMatch(/cannot cut into chunks/)
    expect(api.calls).toHaveLength(0)
  })

  it("records delivered chunks, so that a re-send of a half-delivered message sends only the rest", async () => {
    await api.stop()
    let sendCalls = 0
    api = await start({
      methods: {
        sendMessage: (params, context) => {
          sendCalls += 1
          if (sendCalls === 2) {
            throw new BotApiError(400, "Bad Request: scripted failure of the second chunk")
          }
          return DEFAULT_METHODS.sendMessage(params, context)
        },
      },
    })
    const first = `first part\n${"x".repeat(4000)}`
    const second = `second part\n${"y".repeat(4000)}`
    const html = `${first}\n\n${second}`
    const sent = notification({ data: { html } })

    const error = await failure(provider().send(sent))
    expect(error.reason).toBe("rejected")
    expect(sent.provider_data).toMatchObject({
      telegram: { message_ids: [1], chunks: 2, error: { reason: "rejected" } },
    })

    // Medusa writes provider_data back to the record; a re-send of the record carries it.
    const result = await provider().send(sent)

    expect(api.delivered.map((message) => message.text)).toEqual([first, second])
    expect(sendCalls).toBe(3)
    expect(result).toEqual({ id: `${CHAT}:1` })
    expect(sent.provider_data).toEqual({ telegram: { message_ids: [1, 2], chunks: 2, error: null } })
  })
})
