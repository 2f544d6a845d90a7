import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { LEGAL_PAGE_SLUGS } from "../../../utils/legal-pages"

const LegalPageSlug = z.enum(LEGAL_PAGE_SLUGS)

/** `:slug` must name one of the consent pages: anything else is a 404 with the known ones. */
export function validateLegalPageSlug(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (LegalPageSlug.safeParse(req.params.slug).success) return next()
  next(
    new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Legal page "${String(req.params.slug).slice(0, 64)}" was not found; the pages are ${LEGAL_PAGE_SLUGS.join(", ")}`
    )
  )
}

/** `?locale=` is read (and removed) by Medusa's locale middleware before this runs. */
export const StoreLegalPageQuery = z.object({}).strict()
