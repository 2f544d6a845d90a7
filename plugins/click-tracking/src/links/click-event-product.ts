import ProductModule from "@medusajs/medusa/product"
import { defineLink } from "@medusajs/framework/utils"
import ClickTrackingModule from "../modules/click-tracking"

/** Read-only: lets the admin query a click event's product (no link table). */
export default defineLink(
  { linkable: ClickTrackingModule.linkable.clickEvent, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
