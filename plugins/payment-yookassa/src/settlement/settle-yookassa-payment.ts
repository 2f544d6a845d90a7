import type { ILockingModule, IPaymentModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules, PaymentActions } from "@medusajs/framework/utils"
import { completeCartWorkflow, processPaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { YookassaApiError, type YookassaClient, type YookassaPayment } from "../client"
import { WEBHOOK_PROVIDER } from "../options"
import { fromMinor, toMinor } from "../utils/amount"
import { yookassaPlugin } from "../plugin-services"
import { loadPaymentFacts } from "./payment-facts"
import { returnOrphanPayment } from "./return-orphan-payment"
import { decide, holdsMoney, type Verdict } from "./verdict"

const LOCK_TIMEOUT_SECONDS = 30

/** Refusals that mean the cart cannot become an order as it is (not an outage or a busy lock). */
const REFUSALS = new Set<string>([MedusaError.Types.NOT_ALLOWED, MedusaError.Types.INVALID_DATA])

export type SettleOptions = {
  /** The client to read Yookassa with (the reconciliation job passes one with short timeouts). */
  client?: YookassaClient
}

/**
 * The one place where a Yookassa payment's money is settled, for a webhook and for the
 * reconciliation job alike:
 * 1. a payment of a live session goes through Medusa's own flow (processPaymentWorkflow:
 *    authorize, capture, complete the cart);
 * 2. a Medusa payment whose cart is still not an order gets one completion attempt, and a
 *    refusal (the shopper already owns a course, say) is remembered as the proof;
 * 3. under locks on the Yookassa payment and its cart (the cart lock is the one Medusa's
 *    cart completion and this plugin's session guard take), the facts are read afresh and
 *    the verdict is acted on: only a payment no order needs gives money back.
 */
export async function settleYookassaPayment(
  container: MedusaContainer,
  paymentId: string,
  { client = yookassaPlugin(container).client }: SettleOptions = {}
): Promise<Verdict | undefined> {
  const payment = await readPayment(client, paymentId)
  if (!payment?.metadata?.session_id) {
    return undefined
  }
  const before = decide(payment, await loadPaymentFacts(container, payment))
  if (before.kind === "in_progress" || (before.kind === "nothing_held" && payment.status === "canceled")) {
    // A failure here (the session went meanwhile, say) still leaves the verdict below to decide.
    await processThroughMedusa(container, payment.id).catch((error: unknown) =>
      container
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .warn(`Yookassa payment ${payment.id}: Medusa's flow failed: ${String(error)}`)
    )
  }
  const refusal =
    before.kind === "in_progress" || before.kind === "unplaced"
      ? await completeUnplacedCart(container, payment)
      : undefined

  const keys = [`yookassa-payment:${payment.id}`, ...(payment.metadata.cart_id ? [payment.metadata.cart_id] : [])]
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  return locking.execute(
    keys,
    async () => {
      const fresh = await client.getPayment(payment.id)
      const verdict = decide(fresh, await loadPaymentFacts(container, fresh), refusal)
      await act(container, fresh, verdict)
      return verdict
    },
    { timeout: LOCK_TIMEOUT_SECONDS }
  )
}

async function readPayment(client: YookassaClient, paymentId: string): Promise<YookassaPayment | undefined> {
  try {
    return await client.getPayment(paymentId)
  } catch (error) {
    if (error instanceof YookassaApiError && error.status === 404) {
      return undefined
    }
    throw error
  }
}

/** Medusa's webhook flow: the provider re-reads the payment and names the action. */
async function processThroughMedusa(container: MedusaContainer, paymentId: string): Promise<void> {
  const result = await container.resolve<IPaymentModuleService>(Modules.PAYMENT).getWebhookActionAndData({
    provider: WEBHOOK_PROVIDER,
    payload: {
      data: { type: "notification", event: "payment.succeeded", object: { id: paymentId } },
      rawData: "",
      headers: {},
    },
  })
  if (result.action === PaymentActions.AUTHORIZED || result.action === PaymentActions.SUCCESSFUL) {
    await processPaymentWorkflow(container).run({ input: result })
  }
}

/**
 * Medusa's flow takes the money before it completes the cart, and carries on when the
 * completion is refused. One more attempt here tells a refusal from a delay.
 */
async function completeUnplacedCart(container: MedusaContainer, payment: YookassaPayment): Promise<string | undefined> {
  const verdict = decide(payment, await loadPaymentFacts(container, payment))
  if (verdict.kind !== "unplaced" || !payment.metadata?.cart_id) {
    return undefined
  }
  try {
    await completeCartWorkflow(container).run({ input: { id: payment.metadata.cart_id } })
    return undefined
  } catch (error) {
    return error instanceof MedusaError && REFUSALS.has(error.type) ? error.message : undefined
  }
}

async function act(container: MedusaContainer, payment: YookassaPayment, verdict: Verdict): Promise<void> {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  if (verdict.kind === "orphan") {
    const { client, options } = yookassaPlugin(container)
    await returnOrphanPayment(client, payment, options, logger, verdict.proof)
    return
  }
  if (verdict.kind !== "extra" || !holdsMoney(payment)) {
    return
  }
  const { payment: extra, order_id, proof } = verdict
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  // A dashboard refund may not be on Medusa's books yet: never ask for more than Yookassa still holds
  // (its own notification records the rest, and the books meet again).
  const amount = MathBN.min(extra.held, stillHeld(payment))
  const refund = { payment_id: extra.id, amount, note: `Returned automatically: ${proof}` }
  if (!extra.captured) {
    await payments.cancelPayment(extra.id)
  } else if (order_id) {
    // Through the order's books: the refund shows on the order as a transaction.
    await refundPaymentWorkflow(container).run({ input: refund })
  } else {
    await payments.refundPayment(refund)
  }
  logger.warn(`Yookassa payment ${payment.id} (Medusa payment ${extra.id}) given back: ${proof}`)
}

/** What Yookassa still holds of a payment, in major units. */
function stillHeld(payment: YookassaPayment): string {
  return fromMinor(toMinor(payment.amount.value) - toMinor(payment.refunded_amount?.value ?? "0"))
}
