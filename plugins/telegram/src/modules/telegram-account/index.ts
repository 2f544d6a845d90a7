import { Module } from "@medusajs/framework/utils"
import TelegramAccountModuleService from "./service"

export const TELEGRAM_ACCOUNT_MODULE = "telegram_account"

export default Module(TELEGRAM_ACCOUNT_MODULE, {
  service: TelegramAccountModuleService,
})
