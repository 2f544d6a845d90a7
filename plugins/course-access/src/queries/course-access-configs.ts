import type { MedusaContainer } from "@medusajs/framework/types"
import { COURSE_ACCESS_MODULE } from "../modules/course-access"
import type CourseAccessModuleService from "../modules/course-access/service"
import type { AdminCourseAccessConfig } from "../types"

export type CourseAccessConfigRow = AdminCourseAccessConfig & { product_id: string }

/** The access data of these courses, by product id (a course without any is left out). */
export async function loadCourseAccessConfigs(
  container: MedusaContainer,
  productIds: string[]
): Promise<Map<string, CourseAccessConfigRow>> {
  if (!productIds.length) {
    return new Map()
  }
  const configs = await container
    .resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
    .listCourseAccessConfigs(
      { product_id: [...new Set(productIds)] },
      { select: ["product_id", "access_url", "telegram_chat_id", "instructions"], take: null }
    )
  return new Map(configs.map((config) => [config.product_id, config]))
}
