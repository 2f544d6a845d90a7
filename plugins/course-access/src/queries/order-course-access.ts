import type { MedusaContainer, NotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_TELEGRAM_FIELDS, customerTelegram, type CustomerWithTelegram } from "../delivery/customer-telegram"
import { isFullyRefunded, paymentTotals } from "../delivery/order-coverage"
import type { AdminCourseMessage, AdminOrderCourseAccess, AdminOrderCourseAccessResponse, RevokeReason } from "../types"
import { COURSE_ACCESS_RESOURCE } from "../workflows/steps/send-course-access-messages"
import { loadOrderPayments } from "./order-payments"

/** An access as {@link ORDER_ACCESS_FIELDS} reads it. */
export type OrderAccessRow = {
  id: string
  product_id: string
  line_item_id: string
  status: "active" | "revoked"
  granted_at: Date | string
  revoked_at: Date | string | null
  revoke_reason: RevokeReason | null
  telegram_user_id: string | null
  invite_link: string | null
  joined_at: Date | string | null
  product?: { title?: string | null } | null
  customer?: CustomerWithTelegram
}

/** The buyer's message as the notification module keeps it. */
export type CourseMessageRecord = Pick<NotificationDTO, "resource_id" | "status" | "provider_data">

const ORDER_ACCESS_FIELDS = [
  "id",
  "product_id",
  "line_item_id",
  "status",
  "granted_at",
  "revoked_at",
  "revoke_reason",
  "telegram_user_id",
  "invite_link",
  "joined_at",
  "product.title",
  ...CUSTOMER_TELEGRAM_FIELDS,
]

/**
 * The order's courses for the order widget: each access, whether the buyer's message reached
 * them, and what was captured and refunded. Undefined when there is no such order.
 */
export async function loadOrderCourseAccess(
  container: MedusaContainer,
  orderId: string
): Promise<AdminOrderCourseAccessResponse | undefined> {
  const order = await loadOrderPayments(container, orderId)
  if (!order) {
    return undefined
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "course_access",
    fields: ORDER_ACCESS_FIELDS,
    filters: { order_id: orderId },
    pagination: { order: { granted_at: "ASC" } },
  })
  const accesses: OrderAccessRow[] = data
  const messages = await loadCourseMessages(
    container,
    accesses.map((access) => access.id)
  )
  const { captured, refunded } = paymentTotals(order)
  return {
    accesses: accesses.map((access) => toOrderCourseAccess(access, messages.get(access.id))),
    payments: {
      captured: captured.toNumber(),
      refunded: refunded.toNumber(),
      partially_refunded: refunded.gt(0) && !isFullyRefunded(order),
    },
  }
}

/** The buyer's course messages, by access id. */
async function loadCourseMessages(
  container: MedusaContainer,
  accessIds: string[]
): Promise<Map<string, CourseMessageRecord>> {
  if (!accessIds.length) {
    return new Map()
  }
  const records: CourseMessageRecord[] = await container
    .resolve(Modules.NOTIFICATION)
    .listNotifications({ resource_type: COURSE_ACCESS_RESOURCE, resource_id: accessIds }, { take: null })
  return new Map(records.flatMap((record) => (record.resource_id ? [[record.resource_id, record] as const] : [])))
}

const iso = (date: Date | string) => new Date(date).toISOString()

export function toOrderCourseAccess(
  access: OrderAccessRow,
  message: CourseMessageRecord | undefined
): AdminOrderCourseAccess {
  return {
    id: access.id,
    product_id: access.product_id,
    line_item_id: access.line_item_id,
    title: access.product?.title ?? "",
    status: access.status,
    granted_at: iso(access.granted_at),
    revoked_at: access.revoked_at ? iso(access.revoked_at) : null,
    revoke_reason: access.revoke_reason,
    invite_link: access.invite_link,
    joined: Boolean(access.joined_at),
    message: messageOf(access, message),
  }
}

/** The message's record when one exists; otherwise why none was sent (no Telegram, not allowed) or that it is still to come. */
export function messageOf(access: OrderAccessRow, record: CourseMessageRecord | undefined): AdminCourseMessage {
  if (record) {
    const status = record.status === "success" ? "sent" : record.status === "failure" ? "failed" : "pending"
    return { status, error: status === "failed" ? failureDescription(record.provider_data) : null }
  }
  if (!access.telegram_user_id) {
    return { status: "no_telegram", error: null }
  }
  if (customerTelegram(access.customer)?.allows_write_to_pm !== true) {
    return { status: "not_allowed", error: null }
  }
  return { status: "pending", error: null }
}

/** Telegram's answer to a failed message, as the telegram provider keeps it (`provider_data.telegram.error`). */
function failureDescription(providerData: Record<string, unknown> | null | undefined): string | null {
  const telegram = providerData?.telegram
  const error = isRecord(telegram) ? telegram.error : undefined
  return isRecord(error) && typeof error.description === "string" ? error.description : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null
}
