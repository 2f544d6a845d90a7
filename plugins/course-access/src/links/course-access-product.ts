import ProductModule from "@medusajs/medusa/product"
import { defineLink } from "@medusajs/framework/utils"
import CourseAccessModule from "../modules/course-access"

/** Read-only: an access's course (title, thumbnail) for My courses and the order widget. */
export default defineLink(
  { linkable: CourseAccessModule.linkable.courseAccess, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
