import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StarTransaction } from "../bot-client"
import { decodeInvoicePayload } from "../payload"
import { starsPlugin } from "../plugin-services"
import type { StarsCharge } from "../settlement/charge"
import { settleStarsCharge } from "../settlement/settle-stars-charge"

export type StarsReconciliationSummary = {
  /** Charges of this store from the lookback window, not refunded, that no order owns yet. */
  checked: number
  /** Of those, how many an order now owns. */
  completed: number
  /** Of those, how many were given back. */
  settled: number
  /** Left for the next run because the time budget ran out. */
  deferred: number
}

const PAGE = 100

/**
 * Nothing lost: a successful_payment update can be lost, or the server can die before the
 * order. This reads the bot's Star transactions (Telegram's own ledger), takes every charge
 * of this store from the last `lookbackHours` that is not refunded and that no order owns,
 * and settles it through the same settleStarsCharge an update uses: a pending session gets
 * its order, a charge nothing needs is refunded (once: Telegram refunds a charge only once).
 * The run stops at its time budget; the rest waits for the next run.
 */
export async function reconcileStarsPayments(
  container: MedusaContainer,
  { now = new Date(), budgetMs }: { now?: Date; budgetMs?: number } = {}
): Promise<StarsReconciliationSummary> {
  const { options, client } = starsPlugin(container)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const deadline = Date.now() + (budgetMs ?? options.reconciliation.timeBudgetMs)
  const since = Math.floor(now.getTime() / 1000) - options.reconciliation.lookbackHours * 3600
  const summary: StarsReconciliationSummary = { checked: 0, completed: 0, settled: 0, deferred: 0 }

  const transactions: StarTransaction[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.getStarTransactions(offset, PAGE)
    transactions.push(...page)
    if (page.length < PAGE || Date.now() > deadline) {
      break
    }
  }
  const refunded = new Set(transactions.filter((entry) => entry.receiver).map((entry) => entry.id))
  const charges = transactions.flatMap((entry) => {
    const payload = decodeInvoicePayload(entry.source?.invoice_payload)
    const user = entry.source?.type === "user" ? entry.source.user?.id : undefined
    if (!payload || !user || entry.date < since || refunded.has(entry.id)) {
      return []
    }
    return [{ charge_id: entry.id, user_id: user, stars: entry.amount, ...payload } satisfies StarsCharge]
  })

  const owned = await chargesOwnedByOrders(container, charges)
  for (const charge of charges.filter((entry) => !owned.has(entry.charge_id))) {
    if (Date.now() > deadline) {
      summary.deferred++
      continue
    }
    summary.checked++
    try {
      const verdict = await settleStarsCharge(container, charge)
      if (verdict.kind === "owned") {
        summary.completed++
      } else if (verdict.kind === "orphan" || verdict.kind === "extra") {
        summary.settled++
      }
    } catch (error) {
      logger.error(
        `Telegram Stars reconciliation: charge ${charge.charge_id}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  if (summary.deferred) {
    logger.warn(`Telegram Stars reconciliation: time budget spent, ${summary.deferred} charges left for the next run`)
  }
  return summary
}

/** Charges a captured Medusa payment records whose cart is an order (two queries for all). */
async function chargesOwnedByOrders(container: MedusaContainer, charges: StarsCharge[]): Promise<Set<string>> {
  if (!charges.length) {
    return new Set()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: payments }, { data: orders }] = await Promise.all([
    query.graph({
      entity: "payment",
      fields: ["data", "captured_at"],
      filters: { payment_session_id: [...new Set(charges.map((charge) => charge.session_id))] },
    }),
    query.graph({
      entity: "order_cart",
      fields: ["cart_id"],
      filters: { cart_id: [...new Set(charges.map((charge) => charge.cart_id))] },
    }),
  ])
  const ordered = new Set((orders as Array<{ cart_id: string }>).map((row) => row.cart_id))
  const captured = new Set(
    (payments as Array<{ captured_at?: string | null; data?: { telegram_payment_charge_id?: string } | null }>)
      .filter((row) => row.captured_at && row.data?.telegram_payment_charge_id)
      .map((row) => row.data!.telegram_payment_charge_id!)
  )
  return new Set(
    charges
      .filter((charge) => captured.has(charge.charge_id) && ordered.has(charge.cart_id))
      .map((charge) => charge.charge_id)
  )
}
