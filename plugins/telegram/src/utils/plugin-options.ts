import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StarsOptionsInput } from "../stars/options"

export const PLUGIN_NAME = "@aistore/medusa-telegram"

/** The options an app gives this plugin in medusa-config (`plugins: [{ resolve, options }]`). */
export type TelegramPluginOptions = {
  /** Chat that hears about every sale (a user, group or channel id). */
  adminChatId?: string
  /** Forum topic of that chat, if it is a forum. */
  adminThreadId?: number
  /** The admin's base URL (`<backend>/app`), for links to orders. */
  adminUrl?: string
  /** Telegram sends it with every update to /hooks/telegram; without it every update is refused. */
  webhookSecret?: string
  /** The Mini App's public URL: what /start's button opens. */
  miniAppUrl?: string
  /** Telegram Stars payments: the same options the `telegram-stars` payment provider gets. */
  stars?: StarsOptionsInput
}

export function telegramPluginOptions(container: MedusaContainer): TelegramPluginOptions {
  const { plugins } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugin = plugins.find((entry) => (typeof entry === "string" ? entry : entry.resolve) === PLUGIN_NAME)
  return typeof plugin === "object" ? ((plugin.options ?? {}) as TelegramPluginOptions) : {}
}
