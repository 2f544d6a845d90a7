import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listOwnedCourseIds } from "../../../../catalog/owned-courses"

/** GET /store/catalog/owned: the signed-in customer's bought courses, apart from the shared catalogue so that stays cacheable. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<{ product_ids: string[] }>) {
  res.setHeader("Cache-Control", "private, no-store")
  res.json({ product_ids: await listOwnedCourseIds(req.scope, req.auth_context.actor_id) })
}
