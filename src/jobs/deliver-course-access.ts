import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { COURSE_ACCESS_MODULE } from "../modules/course-access"
import type CourseAccessModuleService from "../modules/course-access/service"
import { grantAndDeliverCourseAccess } from "../utils/grant-and-deliver"
import { deliverCourseAccessWorkflow } from "../workflows/deliver-course-access"
import { releaseCourseChatsWorkflow } from "../workflows/release-course-chats"

/** Younger accesses may still be in a subscriber's hands. */
const GRACE_MS = 60 * 1000
/** Older ones are not chased any more (the merchant sees them in the order widget). */
const WINDOW_MS = 7 * 24 * 60 * 60 * 1000
/** How far back to look for captured payments whose order never got its courses. */
const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1000
const BATCH = 50

export type CourseAccessJobSummary = { granted: number; delivered: number; released: number }

/**
 * Finishes what an event or Telegram did not take at the time (subscribers get one attempt):
 * grants orders paid in the last day, and free orders placed in it, that have no access at all
 * (their capture or order.placed event was lost), hands over granted accesses still without their link or message, and releases the
 * chats of revoked ones (link revoked, member removed).
 */
export default async function deliverCourseAccessJob(container: MedusaContainer): Promise<CourseAccessJobSummary> {
  const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
  const granted = await grantUnserved(container, service, [
    ...(await recentlyPaidOrders(container)),
    ...(await recentFreeOrders(container)),
  ])
  const now = Date.now()
  const window = { $gte: new Date(now - WINDOW_MS), $lte: new Date(now - GRACE_MS) }

  const undelivered = await service.listCourseAccesses(
    { status: "active", delivered_at: null, granted_at: window },
    { select: ["id"], take: BATCH, order: { granted_at: "ASC" } }
  )
  const unreleased = await service.listCourseAccesses(
    { status: "revoked", chat_released_at: null, revoked_at: window },
    { select: ["id"], take: BATCH, order: { revoked_at: "ASC" } }
  )

  const summary: CourseAccessJobSummary = { granted, delivered: 0, released: 0 }
  if (undelivered.length) {
    const { result } = await deliverCourseAccessWorkflow(container).run({
      input: { access_ids: undelivered.map((access) => access.id) },
    })
    summary.delivered = result.filter((entry) => entry.outcome !== "waiting_for_link").length
  }
  if (unreleased.length) {
    const { result } = await releaseCourseChatsWorkflow(container).run({
      input: { access_ids: unreleased.map((access) => access.id) },
    })
    summary.released = result.length
  }
  if (summary.granted || summary.delivered || summary.released) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Course access: ${summary.granted} orders granted late, ${summary.delivered} accesses delivered, ` +
          `${summary.released} chats released`
      )
  }
  return summary
}

/** Orders with a payment captured in the last day, past the grace period. */
async function recentlyPaidOrders(container: MedusaContainer): Promise<string[]> {
  const now = Date.now()
  const payments = await container.resolve(Modules.PAYMENT).listPayments(
    { captured_at: { $gte: new Date(now - CATCH_UP_WINDOW_MS).toISOString(), $lte: new Date(now - GRACE_MS).toISOString() } },
    { select: ["payment_collection_id"], take: BATCH, order: { captured_at: "DESC" } }
  )
  if (!payments.length) {
    return []
  }
  const { data: links } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: payments.map((payment) => payment.payment_collection_id) },
  })
  return (links as { order_id: string }[]).map((link) => link.order_id)
}

/** Orders placed in the last day, past the grace period, with nothing to pay (granted on order.placed). */
async function recentFreeOrders(container: MedusaContainer): Promise<string[]> {
  const now = Date.now()
  const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "total"],
    filters: {
      created_at: { $gte: new Date(now - CATCH_UP_WINDOW_MS).toISOString(), $lte: new Date(now - GRACE_MS).toISOString() },
      status: { $nin: ["canceled", "draft"] },
    },
    pagination: { take: BATCH, order: { created_at: "DESC" } },
  })
  return (orders as { id: string; total: number }[]).filter((order) => MathBN.eq(order.total, 0)).map((order) => order.id)
}

/** Grants the orders that have no access at all; returns how many got some. */
async function grantUnserved(container: MedusaContainer, service: CourseAccessModuleService, candidates: string[]): Promise<number> {
  const orderIds = [...new Set(candidates)]
  if (!orderIds.length) {
    return 0
  }
  const served = await service.listCourseAccesses({ order_id: orderIds }, { select: ["order_id"], take: null })
  const servedIds = new Set(served.map((access) => access.order_id))
  let granted = 0
  for (const orderId of orderIds.filter((id) => !servedIds.has(id))) {
    if ((await grantAndDeliverCourseAccess(container, orderId)) > 0) {
      granted++
    }
  }
  return granted
}

export const config = {
  name: "deliver-course-access",
  schedule: "* * * * *",
}
