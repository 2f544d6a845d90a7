import { start, type BotApiDouble } from "../bot-api-double"

const TOKEN = "4242:double-test-token"

let api: BotApiDouble | undefined
const lines: string[] = []

afterEach(async () => {
  await api?.stop()
  api = undefined
  lines.length = 0
})

async function call(method: string, init: RequestInit & { token?: string } = {}) {
  const response = await fetch(`${api!.url}/bot${init.token ?? TOKEN}/${method}`, { method: "POST", ...init })
  return { status: response.status, body: (await response.json()) as any }
}

function json(body: unknown): RequestInit {
  return { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }
}

describe("Bot API double", () => {
  it("refuses to start when NODE_ENV=production", async () => {
    const previous = process.env.NODE_ENV
    process.env.NODE_ENV = "production"
    try {
      await expect(start()).rejects.toThrow(/refuses to start with NODE_ENV=production/)
    } finally {
      process.env.NODE_ENV = previous
    }
  })

  it("answers sendMessage like Telegram and records the call with its token and params", async () => {
    api = await start({ log: (line) => lines.push(line) })

    const { status, body } = await call(
      "sendMessage",
      json({ chat_id: 42, text: "<b>Hi</b> &amp; bye", parse_mode: "HTML" })
    )

    expect(status).toBe(200)
    expect(body).toEqual({
      ok: true,
      result: expect.objectContaining({
        message_id: 1,
        chat: expect.objectContaining({ id: 42, type: "private" }),
        date: expect.any(Number),
        text: "Hi & bye",
        from: expect.objectContaining({ id: 4242, is_bot: true }),
      }),
    })
    expect(api.calls).toEqual([
      {
        method: "sendMessage",
        token: TOKEN,
        params: { chat_id: 42, text: "<b>Hi</b> &amp; bye", parse_mode: "HTML" },
        status: 200,
        at: expect.any(Number),
      },
    ])
    expect(api.delivered).toEqual([expect.objectContaining({ chatId: 42, messageId: 1, text: "Hi & bye" })])
    expect(lines).toEqual(["sendMessage → chat 42, message 1:", "  │ Hi & bye"])
  })

  it("numbers messages per chat and reads urlencoded and multipart bodies and the query string", async () => {
    api = await start()
    await call("sendMessage", { body: new URLSearchParams({ chat_id: "7", text: "one" }) })
    const form = new FormData()
    form.append("chat_id", "7")
    form.append("text", "two")
    form.append("reply_markup", JSON.stringify({ inline_keyboard: [[{ text: "Open", url: "https://t.me/x" }]] }))
    const second = await call("sendMessage", { body: form })
    const third = await call("sendMessage?chat_id=-1001&text=three&message_thread_id=5")

    expect(second.body.result).toMatchObject({ message_id: 2, chat: { id: 7 }, text: "two" })
    expect(api.calls[1].params.reply_markup).toEqual({ inline_keyboard: [[{ text: "Open", url: "https://t.me/x" }]] })
    expect(third.body.result).toMatchObject({
      message_id: 1,
      chat: { id: -1001, type: "supergroup" },
      message_thread_id: 5,
    })
  })

  it("rejects what Telegram rejects: bad HTML, too long or empty text, unknown methods, other tokens", async () => {
    api = await start({ token: TOKEN })

    const badHtml = await call("sendMessage", json({ chat_id: 1, text: "<script>x</script>", parse_mode: "HTML" }))
    expect(badHtml).toEqual({
      status: 400,
      body: {
        ok: false,
        error_code: 400,
        description: `Bad Request: can't parse entities: Unsupported start tag "script" at byte offset 0`,
      },
    })
    const unclosed = await call("sendMessage", json({ chat_id: 1, text: "<b>x", parse_mode: "HTML" }))
    expect(unclosed.body.description).toMatch(/Can't find end tag corresponding to start tag "b"/)
    expect((await call("sendMessage", json({ chat_id: 1, text: "x".repeat(4097) }))).body.description).toBe(
      "Bad Request: message is too long"
    )
    expect(
      (await call("sendMessage", json({ chat_id: 1, text: "<b> </b>", parse_mode: "HTML" }))).body.description
    ).toBe("Bad Request: message text is empty")
    expect((await call("sendMessage", json({ text: "x" }))).body.description).toBe("Bad Request: chat_id is empty")
    expect(await call("launchRockets", json({}))).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found" },
    })
    expect(await call("getMe", { token: "1:wrong" })).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    })
    expect(api.delivered).toHaveLength(0)
  })

  it("answers the next calls as scripted: 429 with retry_after, 403, 5xx, then normally again", async () => {
    api = await start()
    api.failNext({ kind: "rate_limit", retryAfter: 3 })
    api.failNext({ kind: "forbidden" })
    api.failNext({ kind: "server_error", status: 502 })

    const answers = []
    for (let i = 0; i < 4; i++) {
      answers.push(await call("sendMessage", json({ chat_id: 1, text: `m${i}` })))
    }

    expect(answers.map((answer) => answer.status)).toEqual([429, 403, 502, 200])
    expect(answers[0].body).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 3",
      parameters: { retry_after: 3 },
    })
    expect(answers[1].body.description).toBe("Forbidden: bot can't initiate conversation with a user")
    expect(api.delivered.map((message) => message.text)).toEqual(["m3"])
  })

  it("limits a scripted failure to a method or a chat", async () => {
    api = await start()
    api.failNext({ kind: "forbidden", chatId: 2, description: "Forbidden: bot was blocked by the user" })

    expect((await call("getMe")).status).toBe(200)
    expect((await call("sendMessage", json({ chat_id: 1, text: "a" }))).status).toBe(200)
    expect((await call("sendMessage", json({ chat_id: 2, text: "b" }))).body.description).toBe(
      "Forbidden: bot was blocked by the user"
    )
    expect((await call("sendMessage", json({ chat_id: 2, text: "c" }))).status).toBe(200)
  })

  it("can hang a call until stopped, and waitForCalls polls with a deadline", async () => {
    api = await start()
    api.failNext({ kind: "hang" })

    const hanging = fetch(`${api.url}/bot${TOKEN}/sendMessage`, {
      method: "POST",
      ...json({ chat_id: 1, text: "x" }),
    }).then(
      () => "answered",
      () => "cut"
    )
    const [recorded] = await api.waitForCalls(1, { timeoutMs: 2_000 })
    expect(recorded.status).toBe("hang")
    await expect(api.waitForCalls(2, { timeoutMs: 50 })).rejects.toThrow(
      /expected 2 calls within 50 ms, got 1 \(sendMessage:hang\)/
    )

    await api.stop()
    expect(await hanging).toBe("cut")
  })

  it("keeps webhook settings and answers the setup methods", async () => {
    api = await start()
    expect(
      (await call("setWebhook", json({ url: "https://shop.example.test/hooks/telegram", secret_token: "s" }))).body
    ).toEqual({
      ok: true,
      result: true,
    })
    expect((await call("getWebhookInfo")).body.result.url).toBe("https://shop.example.test/hooks/telegram")
    expect(
      (await call("setMyCommands", json({ commands: [{ command: "start", description: "Open the store" }] }))).body
        .result
    ).toBe(true)
    expect((await call("createChatInviteLink", json({ chat_id: -1005, member_limit: 1 }))).body.result).toMatchObject({
      invite_link: "https://t.me/+double000001",
      member_limit: 1,
    })
  })

  it("revokes only a link it made for that chat, and takes member removals", async () => {
    api = await start()
    const link = (await call("createChatInviteLink", json({ chat_id: -1007, creates_join_request: true }))).body.result
    expect(link).toMatchObject({ creates_join_request: true, is_revoked: false })
    expect((await call("revokeChatInviteLink", json({ chat_id: -1008, invite_link: link.invite_link }))).status).toBe(
      400
    )
    expect(
      (await call("revokeChatInviteLink", json({ chat_id: -1007, invite_link: link.invite_link }))).body.result
    ).toMatchObject({
      invite_link: link.invite_link,
      is_revoked: true,
    })
    expect((await call("banChatMember", json({ chat_id: -1007, user_id: 42 }))).body.result).toBe(true)
    expect(
      (await call("unbanChatMember", json({ chat_id: -1007, user_id: 42, only_if_banned: true }))).body.result
    ).toBe(true)
    expect((await call("banChatMember", json({ chat_id: -1007 }))).status).toBe(400)
  })

  it("never logs the token", async () => {
    api = await start({ log: (line) => lines.push(line) })
    api.failNext({ kind: "server_error" })
    await call("sendMessage", json({ chat_id: 1, text: "x" }))
    await call("getMe")
    await call("nope")
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.join("\n")).not.toContain("double-test-token")
  })
})
