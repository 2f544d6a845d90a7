import { start, type BotApiDouble } from "../../testing/bot-api-double"
import { TelegramBotClient, TelegramDeliveryError } from ".."

const TOKEN = "7000000001:AAChatCallsTestToken_abcdefghijklmn"
const CHAT = "-1001234567890"

/** The Bot API client's chat calls against the local double: what they send, and how they fail. */
describe("TelegramBotClient in chats", () => {
  let api: BotApiDouble
  let bot: TelegramBotClient

  beforeAll(async () => {
    api = await start({ port: 0 })
    // A root without its trailing slash: the client keeps telegraf's path resolution right.
    bot = new TelegramBotClient({ botToken: TOKEN, apiRoot: api.url, requestTimeoutMs: 2_000 })
  })
  afterEach(() => api.reset())
  afterAll(() => api.stop())

  const lastCall = () => api.calls[api.calls.length - 1]

  it("makes a join-request link with its name, and revokes it", async () => {
    const link = await bot.createJoinRequestLink(CHAT, "42 Prompts")
    expect(link).toMatch(/^https:\/\/t\.me\/\+/)
    expect(lastCall()).toMatchObject({
      method: "createChatInviteLink",
      params: { chat_id: CHAT, creates_join_request: true, name: "42 Prompts" },
    })
    await bot.revokeChatInviteLink(CHAT, link)
    expect(lastCall()).toMatchObject({ method: "revokeChatInviteLink", status: 200 })
  })

  it("answers join requests and bans then unbans only a banned member", async () => {
    await bot.approveChatJoinRequest(CHAT, 42)
    await bot.declineChatJoinRequest(CHAT, 43)
    await bot.banChatMember(CHAT, 44)
    await bot.unbanChatMember(CHAT, 44)
    expect(api.calls.map((call) => [call.method, call.params.user_id])).toEqual([
      ["approveChatJoinRequest", 42],
      ["declineChatJoinRequest", 43],
      ["banChatMember", 44],
      ["unbanChatMember", 44],
    ])
    expect(lastCall().params.only_if_banned).toBe(true)
  })

  it("names the failed method, says whether a retry can help, and never shows the token", async () => {
    api.failNext({ kind: "bad_request", description: "Bad Request: not enough rights", method: "createChatInviteLink" })
    const refused = await bot.createJoinRequestLink(CHAT, "x").catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(TelegramDeliveryError)
    expect(refused).toMatchObject({ method: "createChatInviteLink", reason: "rejected", retryable: false })
    expect((refused as Error).message).toBe(
      "Telegram createChatInviteLink failed (HTTP 400, rejected): Bad Request: not enough rights"
    )

    api.failNext({ kind: "server_error", status: 502, method: "banChatMember" })
    const unavailable = await bot.banChatMember(CHAT, 42).catch((error: unknown) => error)
    expect(unavailable).toMatchObject({ method: "banChatMember", reason: "server_error", retryable: true })
    expect((unavailable as Error).message).not.toContain(TOKEN.split(":")[1])
  })

  it("takes an unreachable Bot API as retryable, without the token in the description", async () => {
    const offline = new TelegramBotClient({ botToken: TOKEN, apiRoot: "http://127.0.0.1:9", requestTimeoutMs: 2_000 })
    const error = await offline.approveChatJoinRequest(CHAT, 42).catch((failure: unknown) => failure)
    expect(error).toMatchObject({ reason: "network", retryable: true })
    expect((error as Error).message).not.toContain(TOKEN.split(":")[1])
  })
})
