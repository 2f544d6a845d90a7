import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { telegramPluginOptions } from "../options"
import type { StarsOptions } from "../providers/telegram-stars/options"
import { StarsBotClient } from "./bot-client"

export type StarsPluginServices = { options: StarsOptions; client: StarsBotClient }

const built = new WeakMap<object, StarsPluginServices>()

/**
 * The Stars options and Bot API client of the plugin-level code (update route, settlement,
 * job), built once per configuration. The provider builds its own from the same options.
 */
export function starsPlugin(container: MedusaContainer): StarsPluginServices {
  const options = telegramPluginOptions(container).stars
  if (!options) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Telegram Stars payments are not configured (plugin option `stars`)"
    )
  }
  let services = built.get(options)
  if (!services) {
    services = { options, client: new StarsBotClient(options) }
    built.set(options, services)
  }
  return services
}

export function starsConfigured(container: MedusaContainer): boolean {
  return !!telegramPluginOptions(container).stars
}
