import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadOrderCourseAccess } from "../../../../../queries/order-course-access"
import type { AdminOrderCourseAccessResponse } from "../../../../../types"

/**
 * GET /admin/orders/:id/course-access (the order widget): the order's courses, whether the
 * buyer's message reached them, and what was captured and refunded, so that after a partial
 * refund the merchant can choose which courses lose access.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderCourseAccessResponse>) {
  const answer = await loadOrderCourseAccess(req.scope, req.params.id)
  if (!answer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${req.params.id}" not found`)
  }
  res.json(answer)
}
