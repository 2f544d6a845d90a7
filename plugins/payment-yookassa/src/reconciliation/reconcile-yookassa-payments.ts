import type { IPaymentModuleService, Logger, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { YookassaClient, YookassaPayment } from "../client"
import { PROVIDER_ID, WEBHOOK_PROVIDER } from "../options"
import { yookassaPlugin } from "../plugin-services"
import { toMinor } from "../utils/receipt"

export type ReconciliationSummary = { checked: number; completed: number; staleChecked: number }

type SessionRow = { id: string; status: string; data: { id?: string } | null; payment_collection_id: string }

const PAGE = 100

/**
 * Nothing lost: webhooks can all be lost and the server can die between Yookassa's answer and
 * the order. This compares Medusa with Yookassa and finishes what is unfinished:
 * - sessions still pending (or authorized with no order) after `pendingAfterMinutes` are read
 *   from the API; a paid one completes its cart into an order through Medusa's own flow;
 * - payments Yookassa took in the last `lookbackHours` that no live session owns are given back.
 * Both go through the provider's webhook handling, so the job and a late webhook agree.
 */
export async function reconcileYookassaPayments(
  container: MedusaContainer,
  { now = new Date() }: { now?: Date } = {}
): Promise<ReconciliationSummary> {
  const { options, client } = yookassaPlugin(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const lookbackStart = new Date(now.getTime() - options.reconciliation.lookbackHours * 3_600_000)
  const summary: ReconciliationSummary = { checked: 0, completed: 0, staleChecked: 0 }

  const handle = async (paymentId: string) => {
    const result = await payments.getWebhookActionAndData({
      provider: WEBHOOK_PROVIDER,
      payload: { data: { type: "notification", event: "payment.succeeded", object: { id: paymentId } }, rawData: "", headers: {} },
    })
    if (result.action === PaymentActions.AUTHORIZED || result.action === PaymentActions.SUCCESSFUL) {
      await processPaymentWorkflow(container).run({ input: result })
      return true
    }
    return false
  }

  const unfinished = await unfinishedSessions(query, new Date(now.getTime() - options.reconciliation.pendingAfterMinutes * 60_000), lookbackStart)
  for (const session of unfinished) {
    if (!session.data?.id) {
      continue
    }
    summary.checked++
    try {
      if (await handle(session.data.id)) {
        summary.completed++
      }
    } catch (error) {
      logger.error(`Yookassa reconciliation: session ${session.id}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  // Paid and not fully refunded: one database read for all of them, then only those no live session owns.
  const paid: YookassaPayment[] = []
  for await (const payment of paidPayments(client, lookbackStart)) {
    if (payment.metadata?.session_id && toMinor(payment.refunded_amount?.value ?? "0") < toMinor(payment.amount.value)) {
      paid.push(payment)
    }
  }
  const { data: sessions } = paid.length
    ? await query.graph({
        entity: "payment_session",
        fields: ["id", "data"],
        filters: { id: paid.map((payment) => payment.metadata!.session_id) },
      })
    : { data: [] }
  const paymentOfSession = new Map(
    (sessions as Array<{ id: string; data?: { id?: string } | null }>).map((session) => [session.id, session.data?.id])
  )
  for (const payment of paid.filter((entry) => paymentOfSession.get(entry.metadata!.session_id) !== entry.id)) {
    summary.staleChecked++
    try {
      await handle(payment.id)
    } catch (error) {
      logger.error(`Yookassa reconciliation: payment ${payment.id}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return summary
}

/** Yookassa sessions old enough to have been paid, still pending or authorized without an order. */
async function unfinishedSessions(query: Omit<RemoteQueryFunction, symbol>, olderThan: Date, newerThan: Date): Promise<SessionRow[]> {
  const { data } = await query.graph({
    entity: "payment_session",
    fields: ["id", "status", "data", "payment_collection_id"],
    filters: {
      provider_id: PROVIDER_ID,
      status: ["pending", "authorized"],
      created_at: { $lt: olderThan.toISOString(), $gte: newerThan.toISOString() },
    },
  })
  const sessions = data as unknown as SessionRow[]
  const authorized = sessions.filter((session) => session.status === "authorized")
  if (!authorized.length) {
    return sessions
  }
  const { data: carts } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id", "payment_collection_id"],
    filters: { payment_collection_id: authorized.map((session) => session.payment_collection_id) },
  })
  const cartOf = new Map((carts as Array<{ cart_id: string; payment_collection_id: string }>).map((row) => [row.payment_collection_id, row.cart_id]))
  const { data: ordered } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id"],
    filters: { cart_id: [...cartOf.values()] },
  })
  const orderedCarts = new Set((ordered as Array<{ cart_id: string }>).map((row) => row.cart_id))
  return sessions.filter(
    (session) => session.status === "pending" || !orderedCarts.has(cartOf.get(session.payment_collection_id) ?? "")
  )
}

async function* paidPayments(client: YookassaClient, since: Date): AsyncGenerator<YookassaPayment> {
  for (const status of ["waiting_for_capture", "succeeded"] as const) {
    let cursor: string | undefined
    do {
      const page = await client.listPayments({ "created_at.gte": since.toISOString(), status, limit: PAGE, cursor })
      yield* page.items
      cursor = page.next_cursor
    } while (cursor)
  }
}
