import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { COURSE_ACCESS_MODULE } from "../modules/course-access"
import type CourseAccessModuleService from "../modules/course-access/service"
import { NOT_GRANTING_STATUSES } from "../delivery/ownership"

/** What the Mini App shows when a cart breaks "one course, one purchase". */
export const CART_MESSAGES = {
  quantity: "A course is bought once: its quantity in the cart is always 1.",
  inCart: "This course is already in your cart.",
  owned: "You already own this course: it is in My courses.",
} as const

export type CartLine = { product_id: string | null | undefined; quantity: number | { valueOf(): number } }

/**
 * Checks a cart's course lines (existing plus `adding`): each course once, quantity 1, none
 * the customer already owns. Throws a NOT_ALLOWED MedusaError (HTTP 400) with the message.
 */
export async function assertCourseCart(
  container: MedusaContainer,
  { customerId, lines, adding = [] }: { customerId?: string | null; lines: CartLine[]; adding?: CartLine[] }
): Promise<void> {
  const all = [...lines, ...adding]
  if (all.some((line) => Number(line.quantity) !== 1)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, CART_MESSAGES.quantity)
  }
  const products = all.flatMap((line) => (line.product_id ? [line.product_id] : []))
  if (new Set(products).size < products.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, CART_MESSAGES.inCart)
  }
  if (customerId && products.length && (await ownsAny(container, customerId, products))) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, CART_MESSAGES.owned)
  }
}

/**
 * Owned: an active access, or an order that is not canceled (nor a draft) with the course,
 * whose access was not taken back (a refund revokes it). The order counts before its access
 * is granted, so a second cart paid meanwhile cannot buy the same course again.
 */
async function ownsAny(container: MedusaContainer, customerId: string, productIds: string[]): Promise<boolean> {
  const accesses = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
  const [active] = await accesses.listCourseAccesses(
    { customer_id: customerId, product_id: productIds, status: "active" },
    { select: ["id"], take: 1 }
  )
  if (active) {
    return true
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "items.product_id"],
    filters: { customer_id: customerId, status: { $nin: NOT_GRANTING_STATUSES } },
  })
  const wanted = new Set(productIds)
  const bought = (data as Array<{ id: string; items?: ({ product_id?: string | null } | null)[] | null }>).flatMap(
    (order) =>
      (order.items ?? []).flatMap((item) =>
        item?.product_id && wanted.has(item.product_id) ? [`${order.id}:${item.product_id}`] : []
      )
  )
  if (!bought.length) {
    return false
  }
  const revoked = await accesses.listCourseAccesses(
    { customer_id: customerId, product_id: productIds, status: "revoked" },
    { select: ["order_id", "product_id"], take: null }
  )
  const takenBack = new Set(revoked.map((access) => `${access.order_id}:${access.product_id}`))
  return bought.some((key) => !takenBack.has(key))
}
