import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { NOT_GRANTING_STATUSES } from "./ownership"

/** Rows read per query: pages, never one unbounded read, and never only the newest few. */
const PAGE = 100

export type CandidateWindow = { from: Date; to: Date }

/**
 * Every order that should have course access by now if its event arrived: those with a
 * payment captured in the window, then those placed in it with nothing to pay. Page by page,
 * oldest first (the window's upper bound is fixed, so later captures cannot shift the pages).
 */
export async function* candidateOrderPages(
  container: MedusaContainer,
  window: CandidateWindow
): AsyncGenerator<string[]> {
  yield* paidOrderPages(container, window)
  yield* freeOrderPages(container, window)
}

async function* paidOrderPages(container: MedusaContainer, { from, to }: CandidateWindow): AsyncGenerator<string[]> {
  const payments = container.resolve(Modules.PAYMENT)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (let skip = 0; ; skip += PAGE) {
    const page = await payments.listPayments(
      { captured_at: { $gte: from.toISOString(), $lte: to.toISOString() } },
      { select: ["id", "payment_collection_id"], take: PAGE, skip, order: { captured_at: "ASC", id: "ASC" } }
    )
    if (page.length) {
      const { data: links } = await query.graph({
        entity: "order_payment_collection",
        fields: ["order_id"],
        filters: { payment_collection_id: page.map((payment) => payment.payment_collection_id) },
      })
      yield (links as { order_id: string }[]).map((link) => link.order_id)
    }
    if (page.length < PAGE) {
      return
    }
  }
}

async function* freeOrderPages(container: MedusaContainer, { from, to }: CandidateWindow): AsyncGenerator<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "total"],
      filters: {
        created_at: { $gte: from.toISOString(), $lte: to.toISOString() },
        status: { $nin: NOT_GRANTING_STATUSES },
      },
      pagination: { take: PAGE, skip, order: { created_at: "ASC", id: "ASC" } },
    })
    const page = data as { id: string; total: number }[]
    yield page.filter((order) => MathBN.eq(order.total, 0)).map((order) => order.id)
    if (page.length < PAGE) {
      return
    }
  }
}
