import { Module } from "@medusajs/framework/utils"
import validateOptions from "./loaders/validate-options"
import TelegramAccountModuleService from "./service"

export const TELEGRAM_ACCOUNT_MODULE = "telegram_account"

export default Module(TELEGRAM_ACCOUNT_MODULE, {
  service: TelegramAccountModuleService,
  loaders: [validateOptions],
})

// What other plugins read of a customer's verified account (`customer.telegram_account` in queries).
export { TELEGRAM_ACCOUNT_FIELDS, telegramUserIdOf, type TelegramAccountRecord } from "../../utils/telegram-account"
