import { Module } from "@medusajs/framework/utils"
import TelegramDeliveryModuleService from "./service"

export const TELEGRAM_DELIVERY_MODULE = "telegram_delivery"

export default Module(TELEGRAM_DELIVERY_MODULE, {
  service: TelegramDeliveryModuleService,
})
