import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import CourseAccessModule from "../modules/course-access"

/** Read-only: an access's owner (their Telegram profile for the order widget). */
export default defineLink(
  { linkable: CourseAccessModule.linkable.courseAccess, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
