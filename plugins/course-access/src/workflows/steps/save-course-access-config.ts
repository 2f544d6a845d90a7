import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"

export type CourseAccessConfigInput = {
  product_id: string
  access_url: string | null
  telegram_chat_id: string | null
  instructions: string | null
}

type Previous = { id: string } & CourseAccessConfigInput
type Stored = Previous & { created_at: Date; updated_at: Date; deleted_at: Date | null }
/** What compensation needs: the record as it was, or the id of the one created. */
type Undo = { previous?: Previous; created?: string }

const FIELDS = ["id", "product_id", "access_url", "telegram_chat_id", "instructions"] as const

/**
 * Creates, updates or (when every field is empty) deletes a course's access data. Returns
 * what is stored now, or null; compensation puts back what was there before.
 */
export const saveCourseAccessConfigStep = createStep(
  "save-course-access-config",
  async (input: CourseAccessConfigInput, { container }) => {
    const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
    const [previous] = (await service.listCourseAccessConfigs(
      { product_id: input.product_id },
      { select: [...FIELDS], take: 1 }
    )) as Previous[]
    const empty = !input.access_url && !input.telegram_chat_id && !input.instructions
    if (empty) {
      if (previous) {
        await service.deleteCourseAccessConfigs(previous.id)
      }
      return new StepResponse<Stored | null, Undo>(null, { previous })
    }
    if (previous) {
      const updated = await service.updateCourseAccessConfigs({ id: previous.id, ...input })
      return new StepResponse<Stored | null, Undo>(updated, { previous })
    }
    const created = await service.createCourseAccessConfigs(input)
    return new StepResponse<Stored | null, Undo>(created, { created: created.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
    if (undo.created) {
      await service.deleteCourseAccessConfigs(undo.created)
      return
    }
    if (!undo.previous) {
      return
    }
    // The record was updated or deleted: write it back under its own id.
    const [current] = await service.listCourseAccessConfigs({ id: undo.previous.id }, { select: ["id"], take: 1 })
    if (current) {
      await service.updateCourseAccessConfigs(undo.previous)
    } else {
      await service.createCourseAccessConfigs(undo.previous)
    }
  }
)
