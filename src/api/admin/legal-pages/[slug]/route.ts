import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveLegalPage, type LegalPage, type LegalPageSlug } from "../../../../utils/legal-pages"
import type { AdminSaveLegalPageType } from "../validators"

/** POST /admin/legal-pages/:slug `{ language, title, body }`: saves one page in one language. */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminSaveLegalPageType>,
  res: MedusaResponse<{ page: LegalPage }>
) {
  const { language, title, body } = req.validatedBody
  res.json({ page: await saveLegalPage(req.scope, req.params.slug as LegalPageSlug, language, { title, body }) })
}
