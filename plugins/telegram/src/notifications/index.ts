/**
 * `@aistore/medusa-telegram/notifications`: sending a Telegram message through Medusa's
 * notification module (channel `telegram`), once per idempotency key, and the HTML helpers
 * its texts need.
 */
export {
  sendTelegramNotification,
  TELEGRAM_CHANNEL,
  type SendOutcome,
  type StoredNotification,
  type TelegramNotificationInput,
} from "./send-telegram-notification"
export { escapeHtml } from "../utils/escape-html"
