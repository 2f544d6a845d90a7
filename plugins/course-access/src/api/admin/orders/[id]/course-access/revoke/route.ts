import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COURSE_ACCESS_MODULE } from "../../../../../../modules/course-access"
import type CourseAccessModuleService from "../../../../../../modules/course-access/service"
import { revokeCourseAccessWorkflow } from "../../../../../../workflows/revoke-course-access"
import type { AdminRevokeCourseAccessType } from "../validators"

/**
 * POST /admin/orders/:id/course-access/revoke: the merchant takes back the chosen courses of
 * this order (after a partial refund). Each id must be an active access of this order.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminRevokeCourseAccessType>,
  res: MedusaResponse<{ revoked: string[] }>
) {
  const ids = [...new Set(req.validatedBody.access_ids)]
  const active = await req.scope
    .resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
    .listCourseAccesses({ id: ids, order_id: req.params.id, status: "active" }, { select: ["id"], take: null })
  const found = new Set(active.map((access) => access.id))
  const unknown = ids.filter((id) => !found.has(id))
  if (unknown.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Not an active course access of order ${req.params.id}: ${unknown.join(", ")}`
    )
  }
  const { result } = await revokeCourseAccessWorkflow(req.scope).run({
    input: { order_id: req.params.id, access_ids: ids, reason: "merchant" },
  })
  res.json({ revoked: result })
}
