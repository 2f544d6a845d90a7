import { MedusaService } from "@medusajs/framework/utils"
import TelegramAccount from "./models/telegram-account"

/** Verified Telegram accounts of customers: one per Telegram user, one per customer. */
class TelegramAccountModuleService extends MedusaService({ TelegramAccount }) {}

export default TelegramAccountModuleService
