import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { revokeCourseAccessWorkflow } from "../workflows/revoke-course-access"

/** A canceled order keeps no course. */
export default async function revokeCourseAccessOnOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await revokeCourseAccessWorkflow(container).run({ input: { order_id: event.data.id, reason: "canceled" } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "course-access-order-canceled" },
}
