/**
 * `@aistore/medusa-telegram/bot`: the bot's public API for other plugins and the app. Updates
 * arrive as the {@link TELEGRAM_UPDATE_EVENT} event; the client makes Bot API calls with a
 * timeout and token-free errors.
 */
export { TELEGRAM_UPDATE_EVENT, TelegramUpdateSchema, type TelegramUpdate } from "./telegram-update"
export { ALLOWED_UPDATES, registerBot, type RegisterBotInput } from "./register-bot"
export { TelegramBotClient, type TelegramBotClientOptions } from "../providers/telegram-notification/client"
export {
  TelegramDeliveryError,
  type TelegramDeliveryErrorDetails,
  type TelegramFailureReason,
} from "../providers/telegram-notification/errors"
