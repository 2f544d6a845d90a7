import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const PLUGIN_NAME = "@aistore/medusa-click-tracking"

export type ClickTrackingOptions = {
  /** Event types the merchant allows beyond the built-in ones. */
  customTypes?: string[]
  /** Events older than this many days are deleted by the retention job (default 365). */
  retentionDays?: number
}

export function clickTrackingOptions(container: MedusaContainer): ClickTrackingOptions {
  const { plugins } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugin = plugins.find((entry) => (typeof entry === "string" ? entry : entry.resolve) === PLUGIN_NAME)
  return typeof plugin === "object" ? ((plugin.options ?? {}) as ClickTrackingOptions) : {}
}
