import type { InlineKeyboardMarkup } from "telegraf/types"

/**
 * What the provider reads from a notification's `data` (besides the text, see the README):
 * all optional.
 */
export type TelegramNotificationData = {
  /** The message, in Telegram's HTML parse mode (when `content.html` is not given). */
  html?: string
  /** Forum topic of the target supergroup. */
  message_thread_id?: number | string
  /** Deliver without sound. */
  disable_notification?: boolean
  /** No link preview under the message. */
  disable_link_preview?: boolean
  /** Buttons under the message (under its last chunk when it is split). */
  reply_markup?: InlineKeyboardMarkup
}

/** What the provider keeps in the notification's `provider_data.telegram`. */
export type TelegramDeliveryRecord = {
  /** Ids of the chunks delivered so far, in order. A re-send skips that many chunks. */
  message_ids: number[]
  /** How many chunks the message has. */
  chunks: number
  /**
   * Why the last send failed; null after a success. (Medusa merges JSON on update, so a
   * key left out would keep its old value: success writes null explicitly.)
   */
  error?: {
    reason: string
    status?: number
    description: string
    attempts: number
  } | null
}

/** One `sendMessage` call. */
export type SendMessageParams = {
  chatId: string
  html: string
  messageThreadId?: number
  disableNotification?: boolean
  disableLinkPreview?: boolean
  replyMarkup?: InlineKeyboardMarkup
}

/** The part of the Bot API's Message the provider uses. */
export type SentMessage = {
  messageId: number
  chatId: number | string
}
