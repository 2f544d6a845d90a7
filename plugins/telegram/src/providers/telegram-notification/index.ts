import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TelegramNotificationProviderService from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [TelegramNotificationProviderService],
})

export { TelegramNotificationProviderService }
export { TelegramDeliveryError } from "./errors"
export type { TelegramFailureReason } from "./errors"
export type { TelegramNotificationOptions } from "./options"
export type { TelegramNotificationData, TelegramDeliveryRecord } from "./types"
