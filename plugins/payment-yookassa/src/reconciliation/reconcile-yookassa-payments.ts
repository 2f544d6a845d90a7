import type { Logger, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { YookassaClient, YookassaPayment } from "../client"
import { PROVIDER_ID } from "../options"
import { yookassaPlugin } from "../plugin-services"
import { YOOKASSA_REFUNDS_MODULE } from "../modules/yookassa-refunds"
import type YookassaRefundsModuleService from "../modules/yookassa-refunds/service"
import { recordDashboardRefund } from "../refunds/record-dashboard-refund"
import { settleYookassaPayment } from "../settlement/settle-yookassa-payment"
import { holdsMoney } from "../settlement/verdict"
import { createYookassaClient } from "../utils/create-client"

export type ReconciliationSummary = {
  /** Unfinished sessions and paid payments looked at. */
  checked: number
  /** Of those, how many an order now owns or that were given back. */
  completed: number
  settled: number
  /** Refunds made in Yookassa's dashboard whose notification was lost, recorded now. */
  refundsRecorded: number
  /** Candidates left for the next run because the time budget ran out. */
  deferred: number
}

type SessionRow = { id: string; status: string; data: { id?: string } | null; created_at: string }

const PAGE = 100

/**
 * Nothing lost: webhooks can all be lost and the server can die between Yookassa's answer and
 * the order. This compares Medusa with Yookassa and finishes what is unfinished, oldest first,
 * through the same settleYookassaPayment a webhook uses:
 * - sessions still pending or authorized after `pendingAfterMinutes`;
 * - every payment Yookassa holds money for from the last `lookbackHours` whose session is gone;
 * - every refund of that window not yet on record (a dashboard refund whose notification was lost).
 * Each call has a short timeout and no retries, and the run stops at its time budget (the rest
 * waits for the next run), so it cannot overrun its schedule or hold the other jobs up.
 */
export async function reconcileYookassaPayments(
  container: MedusaContainer,
  { now = new Date(), budgetMs }: { now?: Date; budgetMs?: number } = {}
): Promise<ReconciliationSummary> {
  const { options } = yookassaPlugin(container)
  const { reconciliation } = options
  const client = createYookassaClient({ ...options, timeoutMs: reconciliation.callTimeoutMs, maxAttempts: 1 })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const deadline = Date.now() + (budgetMs ?? reconciliation.timeBudgetMs)
  const lookbackStart = new Date(now.getTime() - reconciliation.lookbackHours * 3_600_000)
  const summary: ReconciliationSummary = { checked: 0, completed: 0, settled: 0, refundsRecorded: 0, deferred: 0 }

  const candidates = async function* (): AsyncGenerator<string> {
    const olderThan = new Date(now.getTime() - reconciliation.pendingAfterMinutes * 60_000)
    for (const session of await unfinishedSessions(query, olderThan, lookbackStart)) {
      if (session.data?.id) {
        yield session.data.id
      }
    }
    for await (const payment of paymentsWithoutLiveSession(client, query, lookbackStart)) {
      yield payment.id
    }
  }

  const seen = new Set<string>()
  for await (const paymentId of candidates()) {
    if (seen.has(paymentId)) {
      continue
    }
    seen.add(paymentId)
    if (Date.now() > deadline) {
      summary.deferred++
      continue
    }
    summary.checked++
    try {
      const verdict = await settleYookassaPayment(container, paymentId, { client })
      if (verdict?.kind === "owned") {
        summary.completed++
      } else if (verdict?.kind === "orphan" || verdict?.kind === "extra") {
        summary.settled++
      }
    } catch (error) {
      logger.error(
        `Yookassa reconciliation: payment ${paymentId}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  const refunds = await recordLostRefunds(container, { client, since: lookbackStart, deadline })
  summary.refundsRecorded = refunds.recorded
  summary.deferred += refunds.deferred
  if (summary.deferred) {
    logger.warn(
      `Yookassa reconciliation: time budget spent, ${summary.deferred} payments and refunds left for the next run`
    )
  }
  return summary
}

/**
 * Refunds of the window not accounted for yet: a dashboard refund whose notification was lost is
 * recorded on its order (exactly once, see record-dashboard-refund.ts); any other is marked, so
 * each refund is read once.
 */
export async function recordLostRefunds(
  container: MedusaContainer,
  { client, since, deadline = Infinity }: { client: YookassaClient; since: Date; deadline?: number }
): Promise<{ recorded: number; deferred: number }> {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const claims = container.resolve<YookassaRefundsModuleService>(YOOKASSA_REFUNDS_MODULE)
  const result = { recorded: 0, deferred: 0 }
  for await (const refundId of unclaimedRefunds(claims, client, since)) {
    if (Date.now() > deadline) {
      result.deferred++
      continue
    }
    try {
      const outcome = await recordDashboardRefund(container, refundId)
      if (outcome === "recorded") {
        result.recorded++
      } else if (outcome === "medusa_refund" || outcome === "not_ours") {
        // Accounted for already (Medusa made it, or it gave back a payment no order owns).
        await claims.claimDashboardRefund({ yookassa_refund_id: refundId, payment_id: "" })
      }
    } catch (error) {
      logger.error(
        `Yookassa reconciliation: refund ${refundId}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  return result
}

/** Yookassa sessions old enough to have been paid, still pending or authorized, oldest first. */
async function unfinishedSessions(
  query: Omit<RemoteQueryFunction, symbol>,
  olderThan: Date,
  newerThan: Date
): Promise<SessionRow[]> {
  const { data } = await query.graph({
    entity: "payment_session",
    fields: ["id", "status", "data", "created_at"],
    filters: {
      provider_id: PROVIDER_ID,
      status: ["pending", "authorized"],
      created_at: { $lt: olderThan.toISOString(), $gte: newerThan.toISOString() },
    },
    pagination: { order: { created_at: "ASC" } },
  })
  return data as SessionRow[]
}

/** Payments Yookassa holds money for whose session is gone (one database read per page). */
async function* paymentsWithoutLiveSession(
  client: YookassaClient,
  query: Omit<RemoteQueryFunction, symbol>,
  since: Date
): AsyncGenerator<YookassaPayment> {
  for (const status of ["waiting_for_capture", "succeeded"] as const) {
    let cursor: string | undefined
    do {
      const page = await client.listPayments({ "created_at.gte": since.toISOString(), status, limit: PAGE, cursor })
      const held = page.items.filter((payment) => payment.metadata?.session_id && holdsMoney(payment))
      const { data: sessions } = held.length
        ? await query.graph({
            entity: "payment_session",
            fields: ["id", "data"],
            filters: { id: held.map((payment) => payment.metadata!.session_id) },
          })
        : { data: [] }
      const live = new Map(
        (sessions as Array<{ id: string; data?: { id?: string } | null }>).map((row) => [row.id, row.data?.id])
      )
      yield* held.filter((payment) => live.get(payment.metadata!.session_id) !== payment.id)
      cursor = page.next_cursor
    } while (cursor)
  }
}

/** Succeeded refunds of the window not accounted for yet (no row in the refunds module). */
async function* unclaimedRefunds(
  claims: YookassaRefundsModuleService,
  client: YookassaClient,
  since: Date
): AsyncGenerator<string> {
  let cursor: string | undefined
  do {
    const page = await client.listRecentRefunds({
      "created_at.gte": since.toISOString(),
      status: "succeeded",
      limit: PAGE,
      cursor,
    })
    const ids = page.items.map((refund) => refund.id)
    const claimed = ids.length ? await claims.listYookassaDashboardRefunds({ id: ids }, { select: ["id"] }) : []
    const known = new Set(claimed.map((claim) => claim.id))
    yield* ids.filter((id) => !known.has(id))
    cursor = page.next_cursor
  } while (cursor)
}
