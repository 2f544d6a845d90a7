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
 * A thin typed client over telegraf's `Telegram`: one request per call, no retries.
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
    this.telegram = new Telegram(options.botToken, { apiRoot: options.apiRoot })
  }

  /** `timeoutMs`: this call's own limit, below the client's (a re-send job's short attempt). */
  async sendMessage(params: SendMessageParams, timeoutMs = this.requestTimeoutMs): Promise<SentMessage> {
    const message = await this.call(timeoutMs, (signal) =>
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

  /** Runs one request under the time limit and turns any failure into a TelegramDeliveryError. */
  private async call<T>(timeoutMs: number, request: (signal: CallApiOptions["signal"]) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      // telegraf types its signal with the `abort-controller` polyfill; node-fetch accepts Node's own.
      return await request(controller.signal as unknown as CallApiOptions["signal"])
    } catch (error) {
      throw this.classify(error, controller.signal.aborted ? timeoutMs : undefined)
    } finally {
      clearTimeout(timer)
    }
  }

  /** `timedOutAfterMs`: set when the call was aborted at its time limit. */
  private classify(error: unknown, timedOutAfterMs: number | undefined): TelegramDeliveryError {
    if (error instanceof TelegramError) {
      const status = error.code
      const description = this.describe(error.description || `error ${status}`)
      if (status === 429) {
        const retryAfter = Number(error.parameters?.retry_after)
        return new TelegramDeliveryError({
          reason: "rate_limited",
          status,
          description,
          retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 1,
        })
      }
      if (status === 403) {
        return new TelegramDeliveryError({ reason: "forbidden", status, description })
      }
      if (status >= 500) {
        return new TelegramDeliveryError({ reason: "server_error", status, description })
      }
      return new TelegramDeliveryError({ reason: "rejected", status, description })
    }
    if (timedOutAfterMs !== undefined) {
      return new TelegramDeliveryError({
        reason: "timeout",
        description: `no answer within ${timedOutAfterMs} ms`,
      })
    }
    const message = error instanceof Error ? error.message : String(error)
    if (isNetworkError(error)) {
      return new TelegramDeliveryError({ reason: "network", description: this.describe(message) })
    }
    return new TelegramDeliveryError({ reason: "rejected", description: this.describe(`unexpected error: ${message}`) })
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
