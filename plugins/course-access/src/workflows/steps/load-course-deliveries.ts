import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadCourseDeliveries } from "../../queries/course-deliveries"

/** The active, undelivered accesses among these, with what their delivery needs. Reads only. */
export const loadCourseDeliveriesStep = createStep(
  "load-course-deliveries",
  async (accessIds: string[], { container }) => {
    return new StepResponse(await loadCourseDeliveries(container, accessIds))
  }
)
