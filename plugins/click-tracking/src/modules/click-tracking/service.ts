import { MedusaService } from "@medusajs/framework/utils"
import ClickEvent from "./models/click-event"

/** Records shopper events and answers the admin's analytics queries. */
class ClickTrackingModuleService extends MedusaService({ ClickEvent }) {}

export default ClickTrackingModuleService
