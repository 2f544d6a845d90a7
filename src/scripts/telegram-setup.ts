import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { registerBot } from "@aistore/medusa-telegram/bot"
import { readEnvironment } from "../config/environment"

/**
 * `npm run telegram:setup` (in the image: `medusa exec ./src/scripts/telegram-setup.js`):
 * registers the bot's webhook at <MEDUSA_BACKEND_URL>/hooks/telegram with its secret,
 * the menu button that opens MINIAPP_URL, and the bot's commands.
 */
export default async function telegramSetup({ container }: ExecArgs) {
  const { backendUrl, telegram } = readEnvironment()
  await registerBot({
    botToken: telegram.botToken,
    apiRoot: telegram.apiRoot,
    webhookUrl: `${backendUrl}/hooks/telegram`,
    webhookSecret: telegram.webhookSecret,
    miniAppUrl: telegram.miniAppUrl,
  })
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`Telegram bot registered: webhook ${backendUrl}/hooks/telegram, menu button → ${telegram.miniAppUrl}`)
}
