import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { orderIdOfPayment } from "../delivery/order-of-payment"
import { isFullyRefunded } from "../delivery/order-coverage"
import { loadOrderPayments } from "../queries/order-payments"
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
  const order = await loadOrderPayments(container, orderId)
  if (order && isFullyRefunded(order)) {
    await revokeCourseAccessWorkflow(container).run({ input: { order_id: orderId, reason: "refund" } })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "course-access-payment-refunded" },
}
