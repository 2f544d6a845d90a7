import { Module } from "@medusajs/framework/utils"
import YookassaRefundsModuleService from "./service"

export const YOOKASSA_REFUNDS_MODULE = "yookassa_refunds"

export default Module(YOOKASSA_REFUNDS_MODULE, {
  service: YookassaRefundsModuleService,
})
