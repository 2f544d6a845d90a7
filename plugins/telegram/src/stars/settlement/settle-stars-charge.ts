import type { ILockingModule, IPaymentModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, PaymentActions } from "@medusajs/framework/utils"
import { completeCartWorkflow, processPaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { StarsSessionData } from "../../providers/telegram-stars/session-data"
import { starsPlugin } from "../plugin-services"
import { refundStarsCharge } from "../refund-charge"
import type { StarsCharge } from "./charge"
import { loadChargeFacts } from "./charge-facts"
import { decide, type Verdict } from "./verdict"

const LOCK_TIMEOUT_SECONDS = 30

/** Refusals that mean the cart cannot become an order as it is (not an outage or a busy lock). */
const REFUSALS = new Set<string>([MedusaError.Types.NOT_ALLOWED, MedusaError.Types.INVALID_DATA])

const chargeLock = (charge: StarsCharge) => `stars-charge:${charge.charge_id}`

/**
 * The one place where a Stars charge's money is settled, for a bot update and for the
 * reconciliation job alike:
 * 1. a charge of a live, unpaid session is recorded on it and goes through Medusa's own flow
 *    (processPaymentWorkflow: authorize, capture, complete the cart), one caller at a time;
 * 2. a Medusa payment whose cart is still not an order gets one completion attempt, and a
 *    refusal is remembered as the proof;
 * 3. under locks on the charge and its cart (the lock Medusa's cart completion takes), the
 *    facts are read afresh and the verdict is acted on: only a charge no order needs is refunded.
 */
export async function settleStarsCharge(container: MedusaContainer, charge: StarsCharge): Promise<Verdict> {
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  await locking.execute(
    chargeLock(charge),
    async () => {
      const facts = await loadChargeFacts(container, charge)
      if (decide(charge, facts).kind === "in_progress") {
        await processThroughMedusa(container, charge, facts.session!)
      }
    },
    { timeout: LOCK_TIMEOUT_SECONDS }
  )
  const refusal = await completeUnplacedCart(container, charge)

  return locking.execute(
    [chargeLock(charge), charge.cart_id],
    async () => {
      const verdict = decide(charge, await loadChargeFacts(container, charge), refusal)
      await act(container, charge, verdict)
      return verdict
    },
    { timeout: LOCK_TIMEOUT_SECONDS }
  )
}

/** Records Telegram's charge on the session, then Medusa's webhook flow takes it from there. */
async function processThroughMedusa(
  container: MedusaContainer,
  charge: StarsCharge,
  session: NonNullable<Awaited<ReturnType<typeof loadChargeFacts>>["session"]>
): Promise<void> {
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const data: StarsSessionData = {
    ...session.data,
    telegram_payment_charge_id: charge.charge_id,
    payer_user_id: charge.user_id,
    paid_stars: charge.stars,
    paid_at: session.data.paid_at ?? new Date().toISOString(),
  }
  await payments.updatePaymentSession({
    id: session.id,
    data: data as Record<string, unknown>,
    amount: session.amount,
    currency_code: session.currency_code,
  })
  try {
    await processPaymentWorkflow(container).run({
      input: { action: PaymentActions.SUCCESSFUL, data: { session_id: session.id, amount: session.amount } },
    })
  } catch (error) {
    // The shopper's own completion may have won the race: the verdict below reads what happened.
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(
        `Telegram Stars charge ${charge.charge_id}: Medusa's payment flow stopped: ${error instanceof Error ? error.message : String(error)}`
      )
  }
}

/** Medusa's flow carries on when the completion is refused; one more attempt tells a refusal from a delay. */
async function completeUnplacedCart(container: MedusaContainer, charge: StarsCharge): Promise<string | undefined> {
  const verdict = decide(charge, await loadChargeFacts(container, charge))
  if (verdict.kind !== "unplaced") {
    return undefined
  }
  try {
    await completeCartWorkflow(container).run({ input: { id: charge.cart_id } })
    return undefined
  } catch (error) {
    return error instanceof MedusaError && REFUSALS.has(error.type) ? error.message : undefined
  }
}

async function act(container: MedusaContainer, charge: StarsCharge, verdict: Verdict): Promise<void> {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  if (verdict.kind === "orphan") {
    const outcome = await refundStarsCharge(starsPlugin(container).client, charge.user_id, charge.charge_id)
    logger.warn(
      `Telegram Stars charge ${charge.charge_id} (${charge.stars} Stars) ${outcome.replace("_", " ")}: ${verdict.proof}`
    )
    return
  }
  if (verdict.kind !== "extra") {
    return
  }
  const { payment: extra, order_id, proof } = verdict
  const refund = { payment_id: extra.id, amount: extra.held, note: `Returned automatically: ${proof}` }
  if (!extra.captured) {
    await container.resolve<IPaymentModuleService>(Modules.PAYMENT).cancelPayment(extra.id)
  } else if (order_id) {
    await refundPaymentWorkflow(container).run({ input: refund })
  } else {
    await container.resolve<IPaymentModuleService>(Modules.PAYMENT).refundPayment(refund)
  }
  logger.warn(`Telegram Stars charge ${charge.charge_id} (Medusa payment ${extra.id}) given back: ${proof}`)
}
