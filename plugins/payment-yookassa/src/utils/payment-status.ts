import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { YookassaPayment } from "../client/types"

/** A Yookassa payment status in Medusa's terms. */
export function toSessionStatus(payment: Pick<YookassaPayment, "status">): PaymentSessionStatus {
  switch (payment.status) {
    case "waiting_for_capture":
      return PaymentSessionStatus.AUTHORIZED
    case "succeeded":
      return PaymentSessionStatus.CAPTURED
    case "canceled":
      return PaymentSessionStatus.CANCELED
    default:
      return PaymentSessionStatus.PENDING
  }
}

/** The webhook action Medusa's process-payment flow takes for a payment the API reported. */
export function toWebhookAction(payment: Pick<YookassaPayment, "status">): PaymentActions {
  switch (payment.status) {
    case "waiting_for_capture":
      return PaymentActions.AUTHORIZED
    case "succeeded":
      return PaymentActions.SUCCESSFUL
    case "canceled":
      return PaymentActions.CANCELED
    default:
      return PaymentActions.PENDING
  }
}
