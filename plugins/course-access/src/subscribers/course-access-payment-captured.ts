import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { grantAndDeliverCourseAccess } from "../delivery/grant-and-deliver"
import { orderIdOfPayment } from "../delivery/order-of-payment"

/** A captured payment grants the courses it pays for (orders authorized at checkout get access here). */
export default async function grantCourseAccessOnPaymentCaptured({ event, container }: SubscriberArgs<{ id: string }>) {
  const orderId = await orderIdOfPayment(container, event.data.id)
  if (orderId) {
    await grantAndDeliverCourseAccess(container, orderId)
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "course-access-payment-captured" },
}
