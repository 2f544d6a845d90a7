import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadMyCourses } from "../../../../../queries/my-courses"
import type { StoreMyCourse } from "../../../../../types"

/**
 * GET /store/customers/me/courses: the signed-in customer's active courses, newest first, with
 * their access data. Only the token's customer is read. Titles follow the locale Medusa read
 * from the request (`?locale=en-US` or `x-medusa-locale`).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<{ courses: StoreMyCourse[] }>) {
  res.json({ courses: await loadMyCourses(req.scope, req.auth_context.actor_id, req.locale) })
}
