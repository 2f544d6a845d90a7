import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listLegalPages, type LegalPage } from "../../../utils/legal-pages"

/** GET /admin/legal-pages: every consent page in every language, edited or default. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<{ pages: LegalPage[] }>) {
  res.json({ pages: await listLegalPages(req.scope) })
}
