import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"
import type { RevokeReason } from "../../types"

export type { RevokeReason }

export type RevokeCourseAccessesInput = {
  order_id: string
  /** Only these accesses of the order; all of them when left out. */
  access_ids?: string[]
  reason: RevokeReason
}

/** Takes back the order's active accesses. Returns the ids revoked now (none twice). */
export const revokeCourseAccessesStep = createStep(
  "revoke-course-accesses",
  async (input: RevokeCourseAccessesInput, { container }) => {
    const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
    const active = await service.listCourseAccesses(
      { order_id: input.order_id, status: "active", ...(input.access_ids ? { id: input.access_ids } : {}) },
      { select: ["id"], take: null }
    )
    const ids = active.map((access) => access.id)
    if (ids.length) {
      const now = new Date()
      await service.updateCourseAccesses(
        ids.map((id) => ({ id, status: "revoked" as const, revoked_at: now, revoke_reason: input.reason }))
      )
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container
        .resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
        .updateCourseAccesses(
          ids.map((id) => ({ id, status: "active" as const, revoked_at: null, revoke_reason: null }))
        )
    }
  }
)
