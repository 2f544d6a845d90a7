import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getLegalPage, legalLanguage, type LegalPage, type LegalPageSlug } from "../../../../utils/legal-pages"

/**
 * GET /store/legal-pages/:slug (`offer`, `privacy`, `refunds`): a consent page in the request's
 * language (`?locale=` or `x-medusa-locale`; Russian unless English is asked for).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<{ page: LegalPage }>) {
  const page = await getLegalPage(req.scope, req.params.slug as LegalPageSlug, legalLanguage(req.locale))
  res.setHeader("Cache-Control", "public, max-age=60")
  res.json({ page })
}
