import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createCourseAccessesStep } from "./steps/create-course-accesses"
import { loadOrderGrantStep } from "./steps/load-order-grant"

export type GrantCourseAccessInput = { order_id: string }

/**
 * Grants an order's courses as far as the money kept covers them (see coveredLines). Run on
 * order.placed and payment.captured, which may arrive together: a lock per order keeps the
 * two runs apart, and granted lines are never granted again. Returns the new accesses,
 * whose delivery (link, message) is deliverCourseAccessWorkflow's.
 */
export const grantCourseAccessWorkflow = createWorkflow("grant-course-access", (input: GrantCourseAccessInput) => {
  const lockKey = transform({ input }, ({ input }) => `course-access:order:${input.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

  const grant = loadOrderGrantStep(input.order_id)
  const created = createCourseAccessesStep(grant)

  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(created)
})
