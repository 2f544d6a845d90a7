import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createCourseInviteLinksStep } from "./steps/create-course-invite-links"
import { loadCourseDeliveriesStep } from "./steps/load-course-deliveries"
import { sendCourseAccessMessagesStep } from "./steps/send-course-access-messages"

export type DeliverCourseAccessInput = { access_ids: string[] }
export type { CourseDelivery } from "../queries/course-deliveries"

/**
 * Hands granted accesses over: a join-request link for a course with a channel or group,
 * then the buyer's private message. The subscriber and the delivery job may both run it: under
 * a lock per access, only active accesses not delivered yet are touched.
 */
export const deliverCourseAccessWorkflow = createWorkflow(
  "deliver-course-access",
  (input: DeliverCourseAccessInput) => {
    const lockKeys = transform({ input }, ({ input }) => input.access_ids.map((id) => `course-access:deliver:${id}`))
    acquireLockStep({ key: lockKeys, timeout: 30, ttl: 120 })

    const deliveries = loadCourseDeliveriesStep(input.access_ids)
    const withLinks = createCourseInviteLinksStep(deliveries)
    const outcomes = sendCourseAccessMessagesStep(withLinks)
    releaseLockStep({ key: lockKeys })
    return new WorkflowResponse(outcomes)
  }
)
