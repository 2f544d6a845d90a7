/**
 * `@aistore/medusa-course-access/types`: what the plugin's routes answer and its options,
 * for storefronts, admin extensions and apps.
 */
export type { CourseAccessOptions, CourseAccessOptionsInput } from "./options"

/** One course the customer owns, with everything they need to take it (GET /store/customers/me/courses). */
export type StoreMyCourse = {
  id: string
  product_id: string
  order_id: string
  granted_at: string
  title: string
  handle: string | null
  thumbnail: string | null
  access_url: string | null
  instructions: string | null
  /** The course's channel or group: the buyer's own join-request link, once made. */
  telegram: { join_link: string | null; joined: boolean } | null
}

/** How the buyer's private message about one course went. */
export type AdminCourseMessage = {
  status: "sent" | "failed" | "pending" | "not_allowed" | "no_telegram"
  /** Why it failed (Telegram's answer), for the merchant. */
  error: string | null
}

export type RevokeReason = "refund" | "canceled" | "merchant"

/** One course of an order as the order widget shows it (GET /admin/orders/:id/course-access). */
export type AdminOrderCourseAccess = {
  id: string
  product_id: string
  line_item_id: string
  title: string
  status: "active" | "revoked"
  granted_at: string
  revoked_at: string | null
  revoke_reason: RevokeReason | null
  invite_link: string | null
  joined: boolean
  message: AdminCourseMessage
}

export type AdminOrderCourseAccessResponse = {
  accesses: AdminOrderCourseAccess[]
  payments: { captured: number; refunded: number; partially_refunded: boolean }
}

/** A course's private access data (GET/POST /admin/products/:id/course-access). */
export type AdminCourseAccessConfig = {
  access_url: string | null
  telegram_chat_id: string | null
  instructions: string | null
}
