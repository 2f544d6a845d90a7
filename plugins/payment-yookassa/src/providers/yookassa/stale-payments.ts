import type { Logger } from "@medusajs/framework/types"
import type { YookassaClient, YookassaPayment, YookassaRefund } from "../../client"
import type { YookassaOptions } from "../../options"
import { idempotencyKeys } from "../../utils/idempotency-keys"
import { fromMinor, toMinor } from "../../utils/receipt"

export type StaleOutcome = "canceled" | "refunded" | "nothing_to_do"

/**
 * Gives the money back for a payment whose session Medusa no longer has (the cart moved on
 * to another payment, or the session was never ours): cancel while it waits for capture,
 * refund what is left once it succeeded. Keys are deterministic, so a webhook and the
 * reconciliation job racing each other move the money once.
 */
export async function settleStalePayment(
  client: YookassaClient,
  payment: YookassaPayment,
  options: YookassaOptions,
  logger: Logger
): Promise<{ outcome: StaleOutcome; refund?: YookassaRefund }> {
  if (payment.status === "waiting_for_capture") {
    await client.cancelPayment(payment.id, idempotencyKeys.staleCancel(payment.id))
    logger.warn(`Yookassa payment ${payment.id} belongs to no live payment session: canceled`)
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
      description: "Автоматический возврат: оплата по устаревшей сессии, заказ оплачен иначе",
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
    `Yookassa payment ${payment.id} succeeded for no live payment session: refunded ${value} ${payment.amount.currency} (refund ${refund.id})`
  )
  return { outcome: "refunded", refund }
}
