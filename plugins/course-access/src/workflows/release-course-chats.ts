import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseCourseChatsStep } from "./steps/release-course-chats"

export type ReleaseCourseChatsInput = { access_ids: string[] }

/** The chat side of revocations that Telegram could not take at the time (run by the delivery job). */
export const releaseCourseChatsWorkflow = createWorkflow("release-course-chats", (input: ReleaseCourseChatsInput) => {
  return new WorkflowResponse(releaseCourseChatsStep(input.access_ids))
})
