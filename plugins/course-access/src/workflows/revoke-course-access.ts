import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseCourseChatsStep } from "./steps/release-course-chats"
import { revokeCourseAccessesStep, type RevokeCourseAccessesInput } from "./steps/revoke-course-accesses"

/**
 * Takes courses of an order back (full refund, cancellation, or the merchant's choice after a
 * partial refund): they leave the buyer's list at once, then the bot revokes their join links
 * and removes them from the course chats. Returns the ids revoked.
 */
export const revokeCourseAccessWorkflow = createWorkflow("revoke-course-access", (input: RevokeCourseAccessesInput) => {
  const revoked = revokeCourseAccessesStep(input)
  releaseCourseChatsStep(revoked)
  return new WorkflowResponse(revoked)
})
