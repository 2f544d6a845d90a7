import { Telegram } from "telegraf"

export type RegisterBotInput = {
  botToken: string
  /** Bot API base URL (Telegram's unless a local Bot API server or a test double is used). */
  apiRoot?: string
  /** Public https URL of POST /hooks/telegram. */
  webhookUrl: string
  webhookSecret: string
  miniAppUrl: string
}

/** Update types the store handles; others are not sent to the webhook at all. */
export const ALLOWED_UPDATES = ["message", "callback_query", "chat_join_request", "pre_checkout_query"] as const

/**
 * Points the bot at the store: the webhook (with its secret), the menu button that
 * opens the Mini App, and the command list. Safe to run again: each call replaces
 * the previous setting.
 */
export async function registerBot(input: RegisterBotInput): Promise<void> {
  const telegram = new Telegram(input.botToken, input.apiRoot ? { apiRoot: input.apiRoot } : {})
  await telegram.setWebhook(input.webhookUrl, {
    secret_token: input.webhookSecret,
    allowed_updates: [...ALLOWED_UPDATES],
  })
  await telegram.setChatMenuButton({
    menuButton: { type: "web_app", text: "Магазин", web_app: { url: input.miniAppUrl } },
  })
  await telegram.setMyCommands([{ command: "start", description: "Открыть магазин курсов" }])
}
