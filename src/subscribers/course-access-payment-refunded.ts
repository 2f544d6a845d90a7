import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { orderIdOfPayment } from "../utils/order-of-payment"
import { isFullyRefunded, ORDER_PAYMENT_FIELDS, type OrderPayments } from "../utils/order-coverage"
import { revokeCourseAccessWorkflow } from "../workflows/revoke-course-access"

/**
 * A full refund takes every course of the order back. After a partial refund the merchant
 * chooses in the order widget which courses go (POST /admin/orders/:id/course-access/revoke).
 */
export default async function revokeCourseAccessOnRefund({ event, container }: SubscriberArgs<{ id: string }>) {
  const orderId = await orderIdOfPayment(container, event.data.id)
  if (!orderId) {
    return
  }
  const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", ...ORDER_PAYMENT_FIELDS],
    filters: { id: orderId },
  })
  const order = orders[0] as unknown as OrderPayments | undefined
  if (order && isFullyRefunded(order)) {
    await revokeCourseAccessWorkflow(container).run({ input: { order_id: orderId, reason: "refund" } })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "course-access-payment-refunded" },
}
