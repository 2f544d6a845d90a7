import ProductModule from "@medusajs/medusa/product"
import { defineLink } from "@medusajs/framework/utils"
import CourseAccessModule from "../modules/course-access"

/**
 * Read-only, from the access data to its product: the admin can query a course's product,
 * but no product query (the store's included) can ever reach the access data.
 */
export default defineLink(
  { linkable: CourseAccessModule.linkable.courseAccessConfig, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
