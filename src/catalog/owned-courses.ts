import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NOT_GRANTING_STATUSES } from "@aistore/medusa-course-access/ownership"

type OrderRow = { items?: ({ product_id?: string | null } | null)[] | null }

/** The courses in the customer's orders that still stand (not canceled, not a draft): what the Mini App marks as bought. */
export async function listOwnedCourseIds(container: MedusaContainer, customerId: string): Promise<string[]> {
  const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "items.product_id"],
    filters: { customer_id: customerId, status: { $nin: NOT_GRANTING_STATUSES } },
  })
  const owned = (orders as OrderRow[]).flatMap((order) =>
    (order.items ?? []).flatMap((item) => (item?.product_id ? [item.product_id] : []))
  )
  return [...new Set(owned)].sort()
}
