import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_TELEGRAM_FIELDS, customerTelegram, type CustomerWithTelegram } from "../delivery/customer-telegram"
import { coveredLines, ORDER_FOR_GRANT_FIELDS, type OrderForGrant } from "../delivery/order-coverage"
import type { CreateCourseAccessesInput } from "../workflows/steps/create-course-accesses"

export type OrderForGrantWithCustomer = OrderForGrant & { customer?: CustomerWithTelegram }

/** What granting the order's courses needs: its covered lines and its buyer (nothing for an unknown order). */
export async function loadOrderGrant(container: MedusaContainer, orderId: string): Promise<CreateCourseAccessesInput> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [...ORDER_FOR_GRANT_FIELDS, ...CUSTOMER_TELEGRAM_FIELDS],
    filters: { id: orderId },
  })
  const [order]: (OrderForGrantWithCustomer | undefined)[] = data
  return grantOf(order)
}

/** The accesses an order's money pays for, owned by its customer and their Telegram account at this moment. */
export function grantOf(order: OrderForGrantWithCustomer | undefined): CreateCourseAccessesInput {
  const telegram = customerTelegram(order?.customer)
  return {
    order_id: order?.id ?? "",
    customer_id: order?.customer_id ?? "",
    telegram_user_id: telegram ? String(telegram.id) : null,
    lines: order ? coveredLines(order) : [],
  }
}
