import { model } from "@medusajs/framework/utils"

/**
 * A refund made in Yookassa's dashboard, claimed for recording in Medusa. The primary key is
 * Yookassa's refund id: however many notifications arrive, one insert wins, and only the
 * winner records the refund on the order.
 */
const YookassaDashboardRefund = model.define("yookassa_dashboard_refund", {
  /** Yookassa's refund id. */
  id: model.text().primaryKey(),
  /** The Medusa payment it is recorded on. */
  payment_id: model.text(),
})

export default YookassaDashboardRefund
