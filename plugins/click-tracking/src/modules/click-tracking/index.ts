import { Module } from "@medusajs/framework/utils"
import validateOptions from "./loaders/validate-options"
import ClickTrackingModuleService from "./service"

export const CLICK_TRACKING_MODULE = "click_tracking"

export default Module(CLICK_TRACKING_MODULE, {
  service: ClickTrackingModuleService,
  loaders: [validateOptions],
})
