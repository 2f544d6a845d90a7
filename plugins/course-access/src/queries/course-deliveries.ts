import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_TELEGRAM_FIELDS, customerTelegram, type CustomerWithTelegram } from "../delivery/customer-telegram"
import { loadCourseAccessConfigs, type CourseAccessConfigRow } from "./course-access-configs"

/** What handing one access over needs: its course's access data and the buyer's Telegram. */
export type CourseDelivery = {
  access_id: string
  title: string
  telegram_user_id: string | null
  allows_write_to_pm: boolean
  /** The course's channel or group now, if it has one. */
  chat_id: string | null
  invite_link: string | null
  access_url: string | null
  instructions: string | null
}

/** An access as {@link DELIVERY_FIELDS} reads it. */
export type DeliveryAccessRow = {
  id: string
  product_id: string
  telegram_user_id: string | null
  invite_link: string | null
  product?: { title?: string | null } | null
  customer?: CustomerWithTelegram
}

const DELIVERY_FIELDS = [
  "id",
  "product_id",
  "telegram_user_id",
  "invite_link",
  "product.title",
  ...CUSTOMER_TELEGRAM_FIELDS,
]

/** The active accesses among these that are not delivered yet, each with what its delivery needs. */
export async function loadCourseDeliveries(container: MedusaContainer, accessIds: string[]): Promise<CourseDelivery[]> {
  if (!accessIds.length) {
    return []
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "course_access",
    fields: DELIVERY_FIELDS,
    filters: { id: accessIds, status: "active", delivered_at: null },
  })
  const accesses: DeliveryAccessRow[] = data
  const configs = await loadCourseAccessConfigs(
    container,
    accesses.map((access) => access.product_id)
  )
  return accesses.map((access) => toCourseDelivery(access, configs.get(access.product_id)))
}

export function toCourseDelivery(access: DeliveryAccessRow, config: CourseAccessConfigRow | undefined): CourseDelivery {
  return {
    access_id: access.id,
    title: access.product?.title ?? "",
    telegram_user_id: access.telegram_user_id,
    allows_write_to_pm: customerTelegram(access.customer)?.allows_write_to_pm === true,
    chat_id: config?.telegram_chat_id ?? null,
    invite_link: access.invite_link,
    access_url: config?.access_url ?? null,
    instructions: config?.instructions ?? null,
  }
}
