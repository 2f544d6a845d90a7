import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_PAYMENT_FIELDS, type OrderPayments } from "../delivery/order-coverage"

/** The order's captures and refunds (see paymentTotals), or undefined when there is no such order. */
export async function loadOrderPayments(
  container: MedusaContainer,
  orderId: string
): Promise<OrderPayments | undefined> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", ...ORDER_PAYMENT_FIELDS],
    filters: { id: orderId },
  })
  const [order]: (OrderPayments | undefined)[] = data
  return order
}
