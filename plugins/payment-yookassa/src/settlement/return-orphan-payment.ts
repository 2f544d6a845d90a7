import type { Logger } from "@medusajs/framework/types"
import type { YookassaClient, YookassaPayment, YookassaRefund } from "../client"
import type { YookassaOptions } from "../options"
import { idempotencyKeys } from "../utils/idempotency-keys"
import { fromMinor, toMinor } from "../utils/amount"

export type OrphanOutcome = "canceled" | "refunded" | "nothing_to_do"

/**
 * Gives back, at Yookassa, a payment nothing in Medusa owns (see settle-yookassa-payment.ts,
 * the only caller, which holds the locks and has the proof): cancel while it waits for
 * capture, refund what is left once it succeeded. Keys are deterministic, so even two
 * callers that somehow both decided would move the money once.
 */
export async function returnOrphanPayment(
  client: YookassaClient,
  payment: YookassaPayment,
  options: YookassaOptions,
  logger: Logger,
  proof: string
): Promise<{ outcome: OrphanOutcome; refund?: YookassaRefund }> {
  if (payment.status === "waiting_for_capture") {
    await client.cancelPayment(payment.id, idempotencyKeys.staleCancel(payment.id))
    logger.warn(`Yookassa payment ${payment.id} canceled: ${proof}`)
    return { outcome: "canceled" }
  }
  if (payment.status !== "succeeded") {
    return { outcome: "nothing_to_do" }
  }
  const left = toMinor(payment.amount.value) - toMinor(payment.refunded_amount?.value ?? "0")
  if (left <= 0n) {
    return { outcome: "nothing_to_do" }
  }
  const value = fromMinor(left)
  const contact = payment.metadata?.receipt_email
    ? { email: payment.metadata.receipt_email }
    : payment.metadata?.receipt_phone
      ? { phone: payment.metadata.receipt_phone }
      : undefined
  const refund = await client.createRefund(
    {
      payment_id: payment.id,
      amount: { value, currency: payment.amount.currency },
      description: "Автоматический возврат: этот платёж не понадобился ни одному заказу",
      ...(options.receipts.enabled && contact
        ? {
            receipt: {
              customer: contact,
              items: [
                {
                  description: (payment.description ?? "Оплата заказа").slice(0, 128),
                  quantity: "1.00",
                  amount: { value, currency: payment.amount.currency },
                  vat_code: options.receipts.vatCode,
                  payment_subject: options.receipts.paymentSubject,
                  payment_mode: options.receipts.paymentMode,
                },
              ],
              ...(options.receipts.taxSystemCode ? { tax_system_code: options.receipts.taxSystemCode } : {}),
            },
          }
        : {}),
    },
    idempotencyKeys.staleRefund(payment.id)
  )
  logger.warn(
    `Yookassa payment ${payment.id} refunded ${value} ${payment.amount.currency} (refund ${refund.id}): ${proof}`
  )
  return { outcome: "refunded", refund }
}
