import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreMyCourse } from "../types"
import { loadCourseAccessConfigs, type CourseAccessConfigRow } from "./course-access-configs"

/** An access as {@link MY_COURSE_FIELDS} reads it. */
export type MyCourseRow = {
  id: string
  product_id: string
  order_id: string
  granted_at: Date | string
  invite_link: string | null
  joined_at: Date | string | null
  product?: { title?: string | null; handle?: string | null; thumbnail?: string | null } | null
}

const MY_COURSE_FIELDS = [
  "id",
  "product_id",
  "order_id",
  "granted_at",
  "invite_link",
  "joined_at",
  "product.title",
  "product.handle",
  "product.thumbnail",
]

/**
 * The customer's active courses, newest first, with their access data; revoked ones are not
 * listed. Titles in `locale` (Medusa's translations), as the catalogue has them.
 */
export async function loadMyCourses(
  container: MedusaContainer,
  customerId: string,
  locale?: string
): Promise<StoreMyCourse[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph(
    {
      entity: "course_access",
      fields: MY_COURSE_FIELDS,
      filters: { customer_id: customerId, status: "active" },
      pagination: { order: { granted_at: "DESC" } },
    },
    { locale }
  )
  const rows: MyCourseRow[] = data
  const configs = await loadCourseAccessConfigs(
    container,
    rows.map((row) => row.product_id)
  )
  return toMyCourses(rows, configs)
}

/** One entry per course, the first (newest) access of it: a course bought twice (two carts completed at once) is listed once. */
export function toMyCourses(rows: MyCourseRow[], configs: Map<string, CourseAccessConfigRow>): StoreMyCourse[] {
  const seen = new Set<string>()
  return rows.flatMap((row) => {
    if (seen.has(row.product_id)) {
      return []
    }
    seen.add(row.product_id)
    return [toMyCourse(row, configs.get(row.product_id))]
  })
}

function toMyCourse(row: MyCourseRow, config: CourseAccessConfigRow | undefined): StoreMyCourse {
  return {
    id: row.id,
    product_id: row.product_id,
    order_id: row.order_id,
    granted_at: new Date(row.granted_at).toISOString(),
    title: row.product?.title ?? "",
    handle: row.product?.handle ?? null,
    thumbnail: row.product?.thumbnail ?? null,
    access_url: config?.access_url ?? null,
    instructions: config?.instructions ?? null,
    telegram:
      config?.telegram_chat_id || row.invite_link
        ? { join_link: row.invite_link, joined: Boolean(row.joined_at) }
        : null,
  }
}
