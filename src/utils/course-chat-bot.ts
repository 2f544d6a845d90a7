import { Telegram, TelegramError } from "telegraf"
import { scrubSecret } from "@aistore/medusa-telegram/utils/scrub-secret"
import { readEnvironment } from "../config/environment"

const REQUEST_TIMEOUT_MS = 10_000

type CallApiOptions = NonNullable<Parameters<Telegram["callApi"]>[2]>

/** A Bot API call that failed. `retryable`: 429, 5xx, no answer; a later attempt may succeed. */
export class CourseChatError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean
  ) {
    super(message)
    this.name = "CourseChatError"
  }
}

/**
 * What the bot does in course channels and groups: per-buyer join-request links, answers to
 * join requests, removing a member. One request per call, no retries (the delivery job
 * retries); every error is one line without the token (network errors quote the URL).
 */
export class CourseChatBot {
  private readonly telegram: Telegram

  constructor(
    private readonly botToken: string,
    apiRoot: string
  ) {
    // telegraf resolves `bot<token>/<method>` against the root: keep its path with a trailing slash.
    this.telegram = new Telegram(botToken, { apiRoot: apiRoot.endsWith("/") ? apiRoot : `${apiRoot}/` })
  }

  /** The bot of this store's configuration (TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT). */
  static fromEnvironment(): CourseChatBot {
    const { botToken, apiRoot } = readEnvironment().telegram
    return new CourseChatBot(botToken, apiRoot)
  }

  /** A link whose joiners must be approved by the bot, so only its owner gets in. `name` ≤ 32 chars. */
  async createJoinRequestLink(chatId: string, name: string): Promise<string> {
    const link = await this.call("createChatInviteLink", (signal) =>
      this.telegram.callApi("createChatInviteLink", { chat_id: chatId, creates_join_request: true, name }, { signal })
    )
    return link.invite_link
  }

  async revokeInviteLink(chatId: string, inviteLink: string): Promise<void> {
    await this.call("revokeChatInviteLink", (signal) =>
      this.telegram.callApi("revokeChatInviteLink", { chat_id: chatId, invite_link: inviteLink }, { signal })
    )
  }

  async approveJoinRequest(chatId: string, userId: number): Promise<void> {
    await this.call("approveChatJoinRequest", (signal) =>
      this.telegram.callApi("approveChatJoinRequest", { chat_id: chatId, user_id: userId }, { signal })
    )
  }

  async declineJoinRequest(chatId: string, userId: number): Promise<void> {
    await this.call("declineChatJoinRequest", (signal) =>
      this.telegram.callApi("declineChatJoinRequest", { chat_id: chatId, user_id: userId }, { signal })
    )
  }

  /** Ban, then lift the ban at once: the member is out, and may buy the course and join again. */
  async removeMember(chatId: string, userId: number): Promise<void> {
    await this.call("banChatMember", (signal) =>
      this.telegram.callApi("banChatMember", { chat_id: chatId, user_id: userId }, { signal })
    )
    await this.call("unbanChatMember", (signal) =>
      this.telegram.callApi("unbanChatMember", { chat_id: chatId, user_id: userId, only_if_banned: true }, { signal })
    )
  }

  private async call<T>(method: string, request: (signal: CallApiOptions["signal"]) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS)
    try {
      // telegraf types its signal with the `abort-controller` polyfill; node-fetch accepts Node's own.
      return await request(controller.signal as unknown as CallApiOptions["signal"])
    } catch (error) {
      if (error instanceof TelegramError) {
        const retryable = error.code === 429 || error.code >= 500
        throw new CourseChatError(this.describe(`${method}: ${error.code} ${error.description}`), retryable)
      }
      const reason = controller.signal.aborted ? `no answer within ${REQUEST_TIMEOUT_MS} ms` : String(error)
      throw new CourseChatError(this.describe(`${method}: ${reason}`), true)
    } finally {
      clearTimeout(timer)
    }
  }

  private describe(text: string): string {
    return scrubSecret(text, this.botToken).replace(/\s+/g, " ").trim()
  }
}
