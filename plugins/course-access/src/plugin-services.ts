import { TelegramBotClient } from "@aistore/medusa-telegram/bot"
import type { MedusaContainer } from "@medusajs/framework/types"
import { parseCourseAccessOptions, rawPluginOptions } from "./options"

const NO_OPTIONS = {}
const built = new WeakMap<object, TelegramBotClient>()

/**
 * The bot that works the course chats (join links, join requests, removals), built once per
 * configuration from the plugin's options: steps, subscribers and the job never read the
 * environment.
 */
export function courseChatBot(container: MedusaContainer): TelegramBotClient {
  const raw = rawPluginOptions(container)
  const key = typeof raw === "object" && raw !== null ? raw : NO_OPTIONS
  let bot = built.get(key)
  if (!bot) {
    bot = new TelegramBotClient(parseCourseAccessOptions(raw))
    built.set(key, bot)
  }
  return bot
}
