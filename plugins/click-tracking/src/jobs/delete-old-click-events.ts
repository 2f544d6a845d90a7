import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CLICK_TRACKING_MODULE } from "../modules/click-tracking"
import type ClickTrackingModuleService from "../modules/click-tracking/service"
import { clickTrackingOptions } from "../utils/plugin-options"

export const DEFAULT_RETENTION_DAYS = 365

/** Retention: deletes events that happened longer ago than `retentionDays` (default 365). */
export default async function deleteOldClickEvents(container: MedusaContainer): Promise<number> {
  const days = clickTrackingOptions(container).retentionDays ?? DEFAULT_RETENTION_DAYS
  const before = new Date(Date.now() - days * 24 * 60 * 60 * 1000)
  const clicks = container.resolve<ClickTrackingModuleService>(CLICK_TRACKING_MODULE)
  const old = await clicks.listClickEvents({ occurred_at: { $lt: before } }, { select: ["id"], take: null })
  if (old.length) {
    await clicks.deleteClickEvents(old.map((event) => event.id))
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Click tracking: ${old.length} events older than ${days} days deleted`)
  }
  return old.length
}

export const config = {
  name: "delete-old-click-events",
  schedule: "30 3 * * *",
}
