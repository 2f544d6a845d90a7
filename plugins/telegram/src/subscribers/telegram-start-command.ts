import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { TELEGRAM_UPDATE_EVENT, type TelegramUpdate } from "../bot/telegram-update"
import { sendTelegramNotification } from "../notifications/send-telegram-notification"
import { escapeHtml } from "../utils/escape-html"
import { telegramPluginOptions } from "../options"

export const START_TEMPLATE = "bot-start"
/** `/start`, `/start@bot` and `/start <payload>`; Telegram's deep-link payloads are [A-Za-z0-9_-]{1,64}. */
const START_COMMAND = /^\/start(?:@\w+)?(?:\s+([A-Za-z0-9_-]{1,64}))?\s*$/

/** The Mini App's URL with a deep link passed through as `startapp`. */
export function miniAppLaunchUrl(miniAppUrl: string, payload?: string): string {
  const url = new URL(miniAppUrl)
  if (payload) {
    url.searchParams.set("startapp", payload)
  }
  return url.toString()
}

/** Answers /start with a button that opens the store. */
export default async function answerStartCommand({ event, container }: SubscriberArgs<TelegramUpdate>) {
  const message = event.data.message
  const command = message?.text?.match(START_COMMAND)
  const { miniAppUrl } = telegramPluginOptions(container)
  if (!message || !command || !miniAppUrl || message.chat.type !== "private") {
    return
  }
  const name = message.from?.first_name ? `, ${escapeHtml(message.from.first_name)}` : ""
  await sendTelegramNotification(container, {
    to: String(message.chat.id),
    template: START_TEMPLATE,
    data: {
      html:
        `Здравствуйте${name}! Здесь курсы по искусственному интеллекту: выберите курс, оплатите, ` +
        `и доступ откроется сразу.`,
      reply_markup: {
        inline_keyboard: [[{ text: "Открыть магазин", web_app: { url: miniAppLaunchUrl(miniAppUrl, command[1]) } }]],
      },
    },
    // Telegram may deliver an update twice; the reply goes out once.
    idempotency_key: `telegram-update:${event.data.update_id}`,
  })
}

export const config: SubscriberConfig = {
  event: TELEGRAM_UPDATE_EVENT,
  context: { subscriberId: "telegram-start-command" },
}
