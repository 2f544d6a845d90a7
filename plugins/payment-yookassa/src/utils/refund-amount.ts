import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { YookassaPayment } from "../client/types"
import { fromMinor, toMinor } from "./amount"

/**
 * Rounding may ask Yookassa for at most this much more than it still holds: each of a
 * payment's refunds rounds half up (two refunds of 100.005 ₽ are 100.01 ₽ each), while the
 * payment itself was rounded once. Medusa has already checked that it refunds no more than
 * it captured (within its own epsilon of one kopeck), so an excess this small is rounding,
 * never money Yookassa does not hold (a dashboard refund not yet on Medusa's books is a
 * whole amount, and is still refused by Yookassa).
 */
const ROUNDING_SLACK_KOPECKS = 1n

/**
 * What Yookassa refunds for a Medusa refund of `amount` (full precision, 37 786.631 ₽): the
 * amount rounded to kopecks as Medusa rounds it, but never more than the payment still holds
 * when the difference is rounding. So a full refund of a 37 786.631 ₽ order refunds the
 * 37 786.63 ₽ Yookassa took, and Medusa records it in full.
 *
 * @throws MedusaError INVALID_DATA when the amount is nothing in kopecks (0.004 ₽).
 */
export function gatewayRefundValue(
  amount: BigNumberInput,
  payment: Pick<YookassaPayment, "amount" | "refunded_amount">
) {
  const asked = toMinor(amount)
  if (asked === 0n) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A refund of ${MathBN.convert(amount).toFixed()} ${payment.amount.currency} rounds to 0.00: Yookassa refunds at least 0.01`
    )
  }
  const held = toMinor(payment.amount.value) - toMinor(payment.refunded_amount?.value ?? "0")
  const excess = asked - held
  return fromMinor(held > 0n && excess > 0n && excess <= ROUNDING_SLACK_KOPECKS ? held : asked)
}
