import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { TelegramDeliveryError } from "./errors"
import type { SendMessageParams, TelegramNotificationData } from "./types"

/** A chat id (`123`, `-1001234567890`) or a public channel's username (`@channel`). */
const CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/

/**
 * Reads what to send from a Medusa notification:
 * - `to`: the chat id;
 * - the text: `content.html` when given, else `data.html` (Medusa stores `data` with the
 *   notification record but not `content`, so a message that may be re-sent from its
 *   record belongs in `data.html`);
 * - `data.message_thread_id`, `data.disable_notification`, `data.disable_link_preview`,
 *   `data.reply_markup`: optional.
 * Throws an `invalid_notification` TelegramDeliveryError when something is missing or malformed.
 */
export function readMessage(notification: ProviderSendNotificationDTO): SendMessageParams {
  const chatId = typeof notification.to === "string" ? notification.to.trim() : ""
  if (!CHAT_ID.test(chatId)) {
    throw invalid(`"to" must be a Telegram chat id or @channel username, got ${JSON.stringify(notification.to)}`)
  }

  const data = (notification.data ?? {}) as TelegramNotificationData
  const html = nonEmpty(notification.content?.html) ?? nonEmpty(data.html)
  if (html === undefined) {
    throw invalid("no text: put the message (Telegram HTML) in data.html or content.html", chatId)
  }

  return {
    chatId,
    html,
    messageThreadId: readThreadId(data.message_thread_id, chatId),
    disableNotification: readBoolean(data.disable_notification, "disable_notification", chatId),
    disableLinkPreview: readBoolean(data.disable_link_preview, "disable_link_preview", chatId),
    replyMarkup: readReplyMarkup(data.reply_markup, chatId),
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value : undefined
}

function readThreadId(value: unknown, chatId: string): number | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined
  }
  const id = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
    throw invalid(`data.message_thread_id must be a positive integer, got ${JSON.stringify(value)}`, chatId)
  }
  return id
}

function readBoolean(value: unknown, name: string, chatId: string): boolean | undefined {
  if (value === undefined || value === null) {
    return undefined
  }
  if (typeof value !== "boolean") {
    throw invalid(`data.${name} must be true or false, got ${JSON.stringify(value)}`, chatId)
  }
  return value
}

function readReplyMarkup(value: unknown, chatId: string): TelegramNotificationData["reply_markup"] {
  if (value === undefined || value === null) {
    return undefined
  }
  const keyboard = (value as { inline_keyboard?: unknown }).inline_keyboard
  if (!Array.isArray(keyboard) || !keyboard.every(Array.isArray)) {
    throw invalid("data.reply_markup must be an inline keyboard: { inline_keyboard: [[button, ...], ...] }", chatId)
  }
  return value as TelegramNotificationData["reply_markup"]
}

function invalid(description: string, chatId?: string): TelegramDeliveryError {
  return new TelegramDeliveryError({ reason: "invalid_notification", description, chatId })
}
