import { MedusaService } from "@medusajs/framework/utils"

/** Records shopper events and answers the admin's analytics queries. */
class ClickTrackingModuleService extends MedusaService({}) {}

export default ClickTrackingModuleService
