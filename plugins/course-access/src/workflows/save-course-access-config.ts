import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveCourseAccessConfigStep, type CourseAccessConfigInput } from "./steps/save-course-access-config"

/** The admin's edit of a course's access data (the product page widget). Empty fields delete it. */
export const saveCourseAccessConfigWorkflow = createWorkflow(
  "save-course-access-config",
  (input: CourseAccessConfigInput) => {
    return new WorkflowResponse(saveCourseAccessConfigStep(input))
  }
)
