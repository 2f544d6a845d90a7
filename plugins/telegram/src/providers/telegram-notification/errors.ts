import { MedusaError } from "@medusajs/framework/utils"

/**
 * Why a message could not be delivered.
 * - `forbidden`: 403, the bot may not write to the chat: the user never started the bot or
 *   blocked it (or the bot left the group). Not retried.
 * - `rejected`: any other 4xx (bad chat id, bad HTML, wrong token). Not retried.
 * - `rate_limited`: 429 still there after the last attempt, or asking to wait too long.
 * - `server_error`: 5xx after the last attempt.
 * - `network`: no answer (connection refused or reset, unreadable answer) after the last attempt.
 * - `timeout`: no answer within `requestTimeoutMs`, after the last attempt. The message may
 *   still have been delivered: Telegram has no idempotency key.
 * - `invalid_notification`: the notification itself cannot be sent (no text, bad chat id).
 */
export type TelegramFailureReason =
  "forbidden" | "rejected" | "rate_limited" | "server_error" | "network" | "timeout" | "invalid_notification"

const RETRYABLE: ReadonlySet<TelegramFailureReason> = new Set(["rate_limited", "server_error", "network", "timeout"])

const MEDUSA_TYPES: Record<TelegramFailureReason, string> = {
  forbidden: MedusaError.Types.NOT_ALLOWED,
  rejected: MedusaError.Types.INVALID_DATA,
  invalid_notification: MedusaError.Types.INVALID_DATA,
  rate_limited: MedusaError.Types.UNEXPECTED_STATE,
  server_error: MedusaError.Types.UNEXPECTED_STATE,
  network: MedusaError.Types.UNEXPECTED_STATE,
  timeout: MedusaError.Types.UNEXPECTED_STATE,
}

export type TelegramDeliveryErrorDetails = {
  /** The Bot API method that failed; a message (`sendMessage`) when left out. */
  method?: string
  reason: TelegramFailureReason
  /** Telegram's `error_code` (HTTP status), when it answered. */
  status?: number
  /** One line, token scrubbed: Telegram's description or the network error. */
  description: string
  /** `parameters.retry_after` of a 429, in seconds. */
  retryAfterSeconds?: number
  /** Attempts made for the failing chunk. */
  attempts?: number
  chatId?: string
}

/**
 * The error the provider throws. A MedusaError, so Medusa's notification module marks the
 * notification "failure"; `reason` tells callers (a re-send job) whether trying again can help.
 * The message is one line and never contains the bot token.
 */
export class TelegramDeliveryError extends MedusaError {
  readonly method?: string
  readonly reason: TelegramFailureReason
  readonly status?: number
  readonly description: string
  readonly retryAfterSeconds?: number
  readonly attempts?: number
  readonly chatId?: string

  constructor(details: TelegramDeliveryErrorDetails) {
    super(MEDUSA_TYPES[details.reason], formatMessage(details))
    this.name = "TelegramDeliveryError"
    this.method = details.method
    this.reason = details.reason
    this.status = details.status
    this.description = details.description
    this.retryAfterSeconds = details.retryAfterSeconds
    this.attempts = details.attempts
    this.chatId = details.chatId
  }

  /** Whether another attempt may succeed (429, 5xx, network, timeout). */
  get retryable(): boolean {
    return RETRYABLE.has(this.reason)
  }

  /** The same failure, with the attempt count and/or the chat filled in. */
  withContext(context: { attempts?: number; chatId?: string }): TelegramDeliveryError {
    return new TelegramDeliveryError({
      method: this.method,
      reason: this.reason,
      status: this.status,
      description: this.description,
      retryAfterSeconds: this.retryAfterSeconds,
      attempts: context.attempts ?? this.attempts,
      chatId: context.chatId ?? this.chatId,
    })
  }
}

const EXPLANATIONS: Record<TelegramFailureReason, string> = {
  forbidden: "the bot may not write to this chat (the user never started the bot or blocked it)",
  rejected: "Telegram rejected the message",
  rate_limited: "Telegram answered 429 Too Many Requests",
  server_error: "the Bot API kept failing with a server error",
  network: "the Bot API could not be reached",
  timeout: "the Bot API did not answer in time",
  invalid_notification: "the notification cannot be sent",
}

function formatMessage(details: TelegramDeliveryErrorDetails): string {
  const target = details.chatId ? ` to chat ${details.chatId}` : ""
  const status = details.status ? `HTTP ${details.status}, ` : ""
  const attempts = details.attempts ? `, ${details.attempts} attempt${details.attempts === 1 ? "" : "s"}` : ""
  if (details.method && details.method !== "sendMessage") {
    return `Telegram ${details.method}${target ? ` in chat ${details.chatId}` : ""} failed (${status}${details.reason}): ${details.description}`
  }
  const explanation = EXPLANATIONS[details.reason]
  return `Telegram message${target} not delivered (${status}${details.reason}${attempts}): ${explanation}: ${details.description}`
}

/** Collapses white space and caps the length, so that a description fits on one line. */
export function oneLine(text: string, max = 300): string {
  const line = text.replace(/\s+/g, " ").trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
