import { Telegram, TelegramError } from "telegraf"
import { scrubSecret } from "../../utils/scrub-secret"
import { oneLine, TelegramDeliveryError } from "./errors"
import type { SendMessageParams, SentMessage } from "./types"

export type TelegramBotClientOptions = {
  botToken: string
  apiRoot: string
  requestTimeoutMs: number
}

type CallApiOptions = NonNullable<Parameters<Telegram["callApi"]>[2]>

/**
 * The plugin's Bot API client, a thin typed layer over telegraf's `Telegram`: one request per
 * call, no retries (callers choose their own: the provider's back-off, a job's next run).
 * Every failure comes out as a {@link TelegramDeliveryError} with its reason and a
 * scrubbed one-line description; the token never leaves this class.
 */
export class TelegramBotClient {
  private readonly telegram: Telegram
  private readonly botToken: string
  private readonly requestTimeoutMs: number

  constructor(options: TelegramBotClientOptions) {
    this.botToken = options.botToken
    this.requestTimeoutMs = options.requestTimeoutMs
    // telegraf resolves `bot<token>/<method>` against the root: a root with a path needs its trailing slash.
    this.telegram = new Telegram(options.botToken, { apiRoot: options.apiRoot.replace(/\/*$/, "/") })
  }

  /** `timeoutMs`: this call's own limit, below the client's (a re-send job's short attempt). */
  async sendMessage(params: SendMessageParams, timeoutMs = this.requestTimeoutMs): Promise<SentMessage> {
    const message = await this.call("sendMessage", timeoutMs, (signal) =>
      this.telegram.callApi(
        "sendMessage",
        {
          chat_id: params.chatId,
          text: params.html,
          parse_mode: "HTML",
          message_thread_id: params.messageThreadId,
          disable_notification: params.disableNotification,
          link_preview_options: params.disableLinkPreview ? { is_disabled: true } : undefined,
          reply_markup: params.replyMarkup,
        },
        { signal }
      )
    )
    return { messageId: message.message_id, chatId: message.chat.id }
  }

  /** A link whose joiners the bot must approve (`creates_join_request`), so only its owner gets in. `name` ≤ 32 characters. */
  async createJoinRequestLink(chatId: string, name: string): Promise<string> {
    const link = await this.call("createChatInviteLink", this.requestTimeoutMs, (signal) =>
      this.telegram.callApi("createChatInviteLink", { chat_id: chatId, creates_join_request: true, name }, { signal })
    )
    return link.invite_link
  }

  async revokeChatInviteLink(chatId: string, inviteLink: string): Promise<void> {
    await this.call("revokeChatInviteLink", this.requestTimeoutMs, (signal) =>
      this.telegram.callApi("revokeChatInviteLink", { chat_id: chatId, invite_link: inviteLink }, { signal })
    )
  }

  async approveChatJoinRequest(chatId: string, userId: number): Promise<void> {
    await this.call("approveChatJoinRequest", this.requestTimeoutMs, (signal) =>
      this.telegram.callApi("approveChatJoinRequest", { chat_id: chatId, user_id: userId }, { signal })
    )
  }

  async declineChatJoinRequest(chatId: string, userId: number): Promise<void> {
    await this.call("declineChatJoinRequest", this.requestTimeoutMs, (signal) =>
      this.telegram.callApi("declineChatJoinRequest", { chat_id: chatId, user_id: userId }, { signal })
    )
  }

  async banChatMember(chatId: string, userId: number): Promise<void> {
    await this.call("banChatMember", this.requestTimeoutMs, (signal) =>
      this.telegram.callApi("banChatMember", { chat_id: chatId, user_id: userId }, { signal })
    )
  }

  /** `only_if_banned`: a member who is not banned stays where they are. */
  async unbanChatMember(chatId: string, userId: number): Promise<void> {
    await this.call("unbanChatMember", this.requestTimeoutMs, (signal) =>
      this.telegram.callApi("unbanChatMember", { chat_id: chatId, user_id: userId, only_if_banned: true }, { signal })
    )
  }

  /** Runs one request under the time limit and turns any failure into a TelegramDeliveryError. */
  private async call<T>(
    method: string,
    timeoutMs: number,
    request: (signal: CallApiOptions["signal"]) => Promise<T>
  ): Promise<T> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      // telegraf types its signal with the `abort-controller` polyfill; node-fetch accepts Node's own.
      return await request(controller.signal as unknown as CallApiOptions["signal"])
    } catch (error) {
      throw this.classify(method, error, controller.signal.aborted ? timeoutMs : undefined)
    } finally {
      clearTimeout(timer)
    }
  }

  /** `timedOutAfterMs`: set when the call was aborted at its time limit. */
  private classify(method: string, error: unknown, timedOutAfterMs: number | undefined): TelegramDeliveryError {
    if (error instanceof TelegramError) {
      const status = error.code
      const description = this.describe(error.description || `error ${status}`)
      if (status === 429) {
        const retryAfter = Number(error.parameters?.retry_after)
        return new TelegramDeliveryError({
          method,
          reason: "rate_limited",
          status,
          description,
          retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 1,
        })
      }
      if (status === 403) {
        return new TelegramDeliveryError({ method, reason: "forbidden", status, description })
      }
      if (status >= 500) {
        return new TelegramDeliveryError({ method, reason: "server_error", status, description })
      }
      return new TelegramDeliveryError({ method, reason: "rejected", status, description })
    }
    if (timedOutAfterMs !== undefined) {
      return new TelegramDeliveryError({
        method,
        reason: "timeout",
        description: `no answer within ${timedOutAfterMs} ms`,
      })
    }
    const message = error instanceof Error ? error.message : String(error)
    if (isNetworkError(error)) {
      return new TelegramDeliveryError({ method, reason: "network", description: this.describe(message) })
    }
    return new TelegramDeliveryError({
      method,
      reason: "rejected",
      description: this.describe(`unexpected error: ${message}`),
    })
  }

  private describe(text: string): string {
    return oneLine(scrubSecret(text, this.botToken))
  }
}

/** node-fetch's FetchError (connection refused or reset, DNS, unreadable body) or a socket error. */
function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false
  }
  const { name, code } = error as Error & { code?: unknown }
  return name === "FetchError" || (typeof code === "string" && /^E[A-Z_]+$/.test(code))
}
