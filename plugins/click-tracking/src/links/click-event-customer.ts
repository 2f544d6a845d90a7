import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import ClickTrackingModule from "../modules/click-tracking"

/** Read-only: lets the admin query a click event's customer (no link table). */
export default defineLink(
  { linkable: ClickTrackingModule.linkable.clickEvent, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
