import { model } from "@medusajs/framework/utils"

/**
 * A Yookassa refund this store has accounted for. A refund made in Yookassa's dashboard is
 * claimed here before it is recorded in Medusa: the primary key is Yookassa's refund id, so
 * however many notifications arrive, one insert wins, and only the winner records it on the
 * order. The reconciliation job also marks refunds it found already accounted for (Medusa's
 * own, or the return of a payment no order owns), so it reads each refund once.
 */
const YookassaDashboardRefund = model.define("yookassa_dashboard_refund", {
  /** Yookassa's refund id. */
  id: model.text().primaryKey(),
  /** The Medusa payment it is recorded on ("" for refunds marked by the reconciliation job). */
  payment_id: model.text(),
})

export default YookassaDashboardRefund
