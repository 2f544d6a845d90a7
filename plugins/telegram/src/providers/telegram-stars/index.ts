import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TelegramStarsProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [TelegramStarsProviderService],
})
