import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import YookassaDashboardRefund from "./models/dashboard-refund"

/** Which dashboard refunds are (being) recorded in Medusa: one claim per Yookassa refund. */
class YookassaRefundsModuleService extends MedusaService({ YookassaDashboardRefund }) {
  /**
   * Claims a Yookassa refund for recording: true for the one caller whose insert wins, false
   * for every other (the primary key decides, not a read before the write).
   */
  @InjectManager()
  async claimDashboardRefund(
    claim: { yookassa_refund_id: string; payment_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const manager = sharedContext.manager as SqlEntityManager
    const inserted = await manager.execute<Array<{ id: string }>>(
      `INSERT INTO yookassa_dashboard_refund (id, payment_id) VALUES (?, ?) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [claim.yookassa_refund_id, claim.payment_id]
    )
    return inserted.length === 1
  }

  /** Gives a claim back when nothing was recorded, so a later notification can try again. */
  @InjectManager()
  async releaseDashboardRefund(yookassaRefundId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.manager as SqlEntityManager
    await manager.execute(`DELETE FROM yookassa_dashboard_refund WHERE id = ?`, [yookassaRefundId])
  }
}

export default YookassaRefundsModuleService
