import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CLICK_TRACKING_MODULE } from "../modules/click-tracking"
import type ClickTrackingModuleService from "../modules/click-tracking/service"
import { clickTrackingOptions } from "../options"

/** Retention: deletes events that happened longer ago than `retentionDays` (default 365, see the plugin options). */
export default async function deleteOldClickEvents(container: MedusaContainer): Promise<number> {
  const days = clickTrackingOptions(container).retentionDays
  const before = new Date(Date.now() - days * 24 * 60 * 60 * 1000)
  const deleted = await container.resolve<ClickTrackingModuleService>(CLICK_TRACKING_MODULE).deleteEventsBefore(before)
  if (deleted) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Click tracking: ${deleted} events older than ${days} days deleted`)
  }
  return deleted
}

export const config = {
  name: "delete-old-click-events",
  schedule: "30 3 * * *",
}
