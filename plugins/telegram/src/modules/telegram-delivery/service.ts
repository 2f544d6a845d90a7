import { MedusaService } from "@medusajs/framework/utils"
import UndeliverableMessage from "./models/undeliverable-message"

/** Telegram notifications that will never be delivered, kept out of the re-send queue. */
class TelegramDeliveryModuleService extends MedusaService({ UndeliverableMessage }) {}

export default TelegramDeliveryModuleService
