import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { NotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_TELEGRAM_FIELDS, customerTelegram, type CustomerWithTelegram } from "../../../../../utils/customer-telegram"
import { ORDER_PAYMENT_FIELDS, isFullyRefunded, paymentTotals, type OrderPayments } from "../../../../../utils/order-coverage"
import { COURSE_ACCESS_RESOURCE } from "../../../../../workflows/steps/send-course-access-messages"

/** How the buyer's private message about one course went. */
export type AdminCourseMessage = {
  status: "sent" | "failed" | "pending" | "not_allowed" | "no_telegram"
  /** Why it failed (Telegram's answer), for the merchant. */
  error: string | null
}

export type AdminOrderCourseAccess = {
  id: string
  product_id: string
  line_item_id: string
  title: string
  status: "active" | "revoked"
  granted_at: string
  revoked_at: string | null
  revoke_reason: string | null
  invite_link: string | null
  joined: boolean
  message: AdminCourseMessage
}

export type AdminOrderCourseAccessResponse = {
  accesses: AdminOrderCourseAccess[]
  payments: { captured: number; refunded: number; partially_refunded: boolean }
}

type AccessRow = {
  id: string
  product_id: string
  line_item_id: string
  status: "active" | "revoked"
  granted_at: Date | string
  revoked_at: Date | string | null
  revoke_reason: string | null
  telegram_user_id: string | null
  invite_link: string | null
  joined_at: Date | string | null
  product?: { title?: string | null } | null
  customer?: CustomerWithTelegram
}

type StoredNotification = NotificationDTO & {
  status?: string
  provider_data?: { telegram?: { error?: { description?: string } | null } } | null
}

const iso = (date: Date | string | null) => (date ? new Date(date).toISOString() : null)

function messageOf(access: AccessRow, notification: StoredNotification | undefined): AdminCourseMessage {
  if (notification) {
    const status = notification.status === "success" ? "sent" : notification.status === "failure" ? "failed" : "pending"
    return { status, error: status === "failed" ? notification.provider_data?.telegram?.error?.description ?? null : null }
  }
  if (!access.telegram_user_id) {
    return { status: "no_telegram", error: null }
  }
  if (customerTelegram(access.customer)?.allows_write_to_pm !== true) {
    return { status: "not_allowed", error: null }
  }
  return { status: "pending", error: null }
}

/**
 * GET /admin/orders/:id/course-access (the order widget): the order's courses, whether the
 * buyer's message reached them, and what was captured and refunded, so that after a partial
 * refund the merchant can choose which courses lose access.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderCourseAccessResponse>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", ...ORDER_PAYMENT_FIELDS],
    filters: { id: req.params.id },
  })
  const order = orders[0] as unknown as OrderPayments | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${req.params.id}" not found`)
  }

  const { data } = await query.graph({
    entity: "course_access",
    fields: [
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
    ],
    filters: { order_id: req.params.id },
    pagination: { order: { granted_at: "ASC" } },
  })
  const accesses = data as unknown as AccessRow[]
  const notifications = accesses.length
    ? ((await req.scope
        .resolve(Modules.NOTIFICATION)
        .listNotifications(
          { resource_type: COURSE_ACCESS_RESOURCE, resource_id: accesses.map((access) => access.id) },
          { take: null }
        )) as StoredNotification[])
    : []
  const byAccess = new Map(notifications.map((notification) => [notification.resource_id, notification]))

  const { captured, refunded } = paymentTotals(order)
  res.json({
    accesses: accesses.map((access) => ({
      id: access.id,
      product_id: access.product_id,
      line_item_id: access.line_item_id,
      title: access.product?.title ?? "",
      status: access.status,
      granted_at: iso(access.granted_at)!,
      revoked_at: iso(access.revoked_at),
      revoke_reason: access.revoke_reason,
      invite_link: access.invite_link,
      joined: Boolean(access.joined_at),
      message: messageOf(access, byAccess.get(access.id)),
    })),
    payments: {
      captured: captured.toNumber(),
      refunded: refunded.toNumber(),
      partially_refunded: refunded.gt(0) && !isFullyRefunded(order),
    },
  })
}
