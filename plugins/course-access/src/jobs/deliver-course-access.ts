import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COURSE_ACCESS_MODULE } from "../modules/course-access"
import type CourseAccessModuleService from "../modules/course-access/service"
import { candidateOrderPages } from "../delivery/course-access-candidates"
import { grantAndDeliverCourseAccess } from "../delivery/grant-and-deliver"
import { deliverCourseAccessWorkflow } from "../workflows/deliver-course-access"
import { releaseCourseChatsWorkflow } from "../workflows/release-course-chats"

/** Younger accesses may still be in a subscriber's hands. */
const GRACE_MS = 60 * 1000
/** Older ones are not chased any more (the merchant sees them in the order widget). */
const WINDOW_MS = 7 * 24 * 60 * 60 * 1000
/** How far back to look for captured payments whose order never got its courses. */
const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1000
/** Accesses handed to one workflow run. */
const BATCH = 50
/** A run stops starting new work after this long (it runs every minute); the next run goes on. */
const RUN_BUDGET_MS = 40 * 1000

export type CourseAccessJobOptions = {
  /** Time after which no new work is started; at least one piece of each kind is always done. */
  budgetMs?: number
}

export type CourseAccessJobSummary = {
  granted: number
  delivered: number
  released: number
  /** The budget ran out with candidates left: the next run goes on with them. */
  unfinished: boolean
}

/**
 * Finishes what an event or Telegram did not take at the time (subscribers get one attempt):
 * grants orders paid in the last day, and free orders placed in it, that have no access at all
 * (their capture or order.placed event was lost), hands over granted accesses still without their
 * link or message, and releases the chats of revoked ones (link revoked, member removed). Every
 * candidate is looked at, page by page, within a time budget per run.
 */
export default async function deliverCourseAccessJob(
  container: MedusaContainer,
  { budgetMs = RUN_BUDGET_MS }: CourseAccessJobOptions = {}
): Promise<CourseAccessJobSummary> {
  const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
  const started = Date.now()
  const outOfTime = () => Date.now() - started >= budgetMs
  const summary: CourseAccessJobSummary = { granted: 0, delivered: 0, released: 0, unfinished: false }

  const grants = await grantUnserved(container, service, started, outOfTime)
  summary.granted = grants.granted

  const window = { $gte: new Date(started - WINDOW_MS), $lte: new Date(started - GRACE_MS) }
  const undelivered = await service.listCourseAccesses(
    { status: "active", delivered_at: null, granted_at: window },
    { select: ["id"], take: null, order: { granted_at: "ASC" } }
  )
  const deliveries = await inBatches(undelivered, outOfTime, async (access_ids) => {
    const { result } = await deliverCourseAccessWorkflow(container).run({ input: { access_ids } })
    return result.filter((entry) => entry.outcome !== "waiting_for_link").length
  })
  summary.delivered = deliveries.done

  const unreleased = await service.listCourseAccesses(
    { status: "revoked", chat_released_at: null, revoked_at: window },
    { select: ["id"], take: null, order: { revoked_at: "ASC" } }
  )
  const releases = await inBatches(unreleased, outOfTime, async (access_ids) => {
    const { result } = await releaseCourseChatsWorkflow(container).run({ input: { access_ids } })
    return result.length
  })
  summary.released = releases.done
  summary.unfinished = grants.unfinished || deliveries.unfinished || releases.unfinished

  if (summary.granted || summary.delivered || summary.released) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Course access: ${summary.granted} orders granted late, ${summary.delivered} accesses delivered, ` +
          `${summary.released} chats released${summary.unfinished ? " (budget spent, the next run goes on)" : ""}`
      )
  }
  return summary
}

/** Grants the candidate orders that have no access at all, until the budget is spent. */
async function grantUnserved(
  container: MedusaContainer,
  service: CourseAccessModuleService,
  now: number,
  outOfTime: () => boolean
): Promise<{ granted: number; unfinished: boolean }> {
  const window = { from: new Date(now - CATCH_UP_WINDOW_MS), to: new Date(now - GRACE_MS) }
  const seen = new Set<string>()
  let granted = 0
  for await (const page of candidateOrderPages(container, window)) {
    const orderIds = [...new Set(page)].filter((id) => !seen.has(id))
    orderIds.forEach((id) => seen.add(id))
    for (const orderId of await unserved(service, orderIds)) {
      if ((await grantAndDeliverCourseAccess(container, orderId)) > 0) {
        granted++
      }
      if (outOfTime()) {
        return { granted, unfinished: true }
      }
    }
  }
  return { granted, unfinished: false }
}

async function unserved(service: CourseAccessModuleService, orderIds: string[]): Promise<string[]> {
  if (!orderIds.length) {
    return []
  }
  const served = await service.listCourseAccesses({ order_id: orderIds }, { select: ["order_id"], take: null })
  const servedIds = new Set(served.map((access) => access.order_id))
  return orderIds.filter((id) => !servedIds.has(id))
}

/** Runs `work` over the items in batches until the budget is spent; returns what it counted. */
async function inBatches(
  items: { id: string }[],
  outOfTime: () => boolean,
  work: (ids: string[]) => Promise<number>
): Promise<{ done: number; unfinished: boolean }> {
  let done = 0
  for (let start = 0; start < items.length; start += BATCH) {
    done += await work(items.slice(start, start + BATCH).map((item) => item.id))
    if (outOfTime() && start + BATCH < items.length) {
      return { done, unfinished: true }
    }
  }
  return { done, unfinished: false }
}

export const config = {
  name: "deliver-course-access",
  schedule: "* * * * *",
}
