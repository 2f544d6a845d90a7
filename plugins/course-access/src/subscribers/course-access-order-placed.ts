import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { grantAndDeliverCourseAccess } from "../delivery/grant-and-deliver"

/** A placed order grants at once what is already paid for: free lines, or a payment captured at checkout. */
export default async function grantCourseAccessOnOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await grantAndDeliverCourseAccess(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "course-access-order-placed" },
}
