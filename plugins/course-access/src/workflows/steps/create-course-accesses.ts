import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"

export type CreateCourseAccessesInput = {
  order_id: string
  customer_id: string
  telegram_user_id: string | null
  lines: { id: string; product_id: string }[]
}

/**
 * Grants the order lines that have no access yet, active or revoked: granting twice changes
 * nothing, and a course the merchant took back stays taken back. Returns the new accesses.
 */
export const createCourseAccessesStep = createStep(
  "create-course-accesses",
  async (input: CreateCourseAccessesInput, { container }) => {
    const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
    if (!input.lines.length) {
      return new StepResponse([], [])
    }
    const existing = await service.listCourseAccesses(
      { line_item_id: input.lines.map((line) => line.id) },
      { select: ["line_item_id"], take: null }
    )
    const granted = new Set(existing.map((access) => access.line_item_id))
    const missing = input.lines.filter((line) => !granted.has(line.id))
    if (!missing.length) {
      return new StepResponse([], [])
    }
    const created = await service.createCourseAccesses(
      missing.map((line) => ({
        customer_id: input.customer_id,
        order_id: input.order_id,
        line_item_id: line.id,
        product_id: line.product_id,
        telegram_user_id: input.telegram_user_id,
        granted_at: new Date(),
      }))
    )
    return new StepResponse(
      created,
      created.map((access) => access.id)
    )
  },
  async (createdIds, { container }) => {
    if (createdIds?.length) {
      await container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE).deleteCourseAccesses(createdIds)
    }
  }
)
