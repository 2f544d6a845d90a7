import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { splitMessage } from "../../utils/split-message"
import { TelegramBotClient } from "./client"
import { attemptPolicy } from "./attempt-policy"
import { readDeliveryRecord, writeDeliveryRecord } from "./delivery-record"
import { TelegramDeliveryError } from "./errors"
import { readMessage } from "./message"
import {
  parseTelegramNotificationOptions,
  type ResolvedTelegramNotificationOptions,
  type TelegramNotificationOptions,
} from "./options"
import { withRetries } from "./retry"

type InjectedDependencies = {
  logger: Logger
}

/**
 * Notification provider "telegram": sends a notification as a Telegram message through the
 * Bot API (telegraf), in HTML parse mode, split into chunks under Telegram's 4096-character
 * limit. `to` is the chat id. Retries 429 (after `retry_after`), 5xx, network errors and
 * timeouts a bounded number of times; fails at once on 403 and other 4xx. A failure throws a
 * TelegramDeliveryError (a MedusaError), so the notification is recorded as "failure".
 */
class TelegramNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "telegram"

  static validateOptions(options: Record<string, unknown>): void {
    parseTelegramNotificationOptions(options)
  }

  protected readonly logger_: Logger
  protected readonly options_: ResolvedTelegramNotificationOptions
  protected readonly client_: TelegramBotClient

  constructor({ logger }: InjectedDependencies, options: TelegramNotificationOptions) {
    super()
    this.logger_ = logger
    this.options_ = parseTelegramNotificationOptions(options)
    this.client_ = new TelegramBotClient(this.options_)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const message = readMessage(notification)
    const chunks = split(message.html, message.chatId)
    const previous = readDeliveryRecord(notification)
    const messageIds = previous && previous.chunks === chunks.length ? [...previous.message_ids] : []
    const policy = attemptPolicy(notification, this.options_)

    for (let index = messageIds.length; index < chunks.length; index++) {
      const last = index === chunks.length - 1
      try {
        const { result } = await withRetries(
          () =>
            this.client_.sendMessage(
              { ...message, html: chunks[index], replyMarkup: last ? message.replyMarkup : undefined },
              policy.requestTimeoutMs
            ),
          policy,
          ({ error, attempt, delayMs }) => {
            const status = error.status ? ` (HTTP ${error.status})` : ""
            this.logger_.warn(
              `Telegram message to chat ${message.chatId}: ${error.reason}${status} on attempt ` +
                `${attempt}/${policy.maxAttempts}, retrying in ${delayMs} ms: ${error.description}`
            )
          }
        )
        messageIds.push(result.messageId)
      } catch (error) {
        const failure = asDeliveryError(error).withContext({ chatId: message.chatId })
        writeDeliveryRecord(notification, {
          message_ids: messageIds,
          chunks: chunks.length,
          error: {
            reason: failure.reason,
            status: failure.status,
            description: failure.description,
            attempts: failure.attempts ?? 1,
          },
        })
        throw failure
      }
    }

    writeDeliveryRecord(notification, { message_ids: messageIds, chunks: chunks.length, error: null })
    return { id: `${message.chatId}:${messageIds[0]}` }
  }
}

/** The message's chunks; an invalid_notification error when there is nothing to send or no way to cut it. */
function split(html: string, chatId: string): string[] {
  let chunks: string[]
  try {
    chunks = splitMessage(html)
  } catch (error) {
    const description = error instanceof RangeError ? error.message : "the text cannot be split"
    throw new TelegramDeliveryError({ reason: "invalid_notification", description, chatId })
  }
  if (!chunks.length) {
    const description = "the text has nothing to read"
    throw new TelegramDeliveryError({ reason: "invalid_notification", description, chatId })
  }
  return chunks
}

function asDeliveryError(error: unknown): TelegramDeliveryError {
  if (error instanceof TelegramDeliveryError) {
    return error
  }
  // Not expected (the client classifies everything); never pass a raw message on, it may hold the token.
  return new TelegramDeliveryError({ reason: "rejected", description: "unexpected error while sending" })
}

export default TelegramNotificationProviderService
