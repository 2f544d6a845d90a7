import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
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
 * grants orders paid in the last day that have no access at all (their capture event was
 * lost), hands over granted accesses still without their link or message, and releases the
 * chats of revoked ones (link revoked, member removed).
 */
export default async function deliverCourseAccessJob(container: MedusaContainer): Promise<CourseAccessJobSummary> {
  const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
  const granted = await catchUpPaidOrders(container, service)
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

/** Orders with a payment captured in the last day (past the grace period) and no access yet. */
async function catchUpPaidOrders(container: MedusaContainer, service: CourseAccessModuleService): Promise<number> {
  const now = Date.now()
  const payments = await container.resolve(Modules.PAYMENT).listPayments(
    { captured_at: { $gte: new Date(now - CATCH_UP_WINDOW_MS).toISOString(), $lte: new Date(now - GRACE_MS).toISOString() } },
    { select: ["payment_collection_id"], take: BATCH, order: { captured_at: "DESC" } }
  )
  if (!payments.length) {
    return 0
  }
  const { data: links } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: payments.map((payment) => payment.payment_collection_id) },
  })
  const orderIds = [...new Set((links as { order_id: string }[]).map((link) => link.order_id))]
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
