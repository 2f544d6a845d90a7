import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { serveCatalog } from "../../../../../catalog/catalog-source"
import { sendShared } from "../../../../../catalog/http"
import { storefrontSalesChannels } from "../../../../../catalog/storefront-key"
import type { StorefrontCatalogQuery } from "../../validators"

/**
 * GET /storefront/catalog/courses/:handle?locale=: GET /store/catalog/courses/:handle with the
 * store's own key, without it: a course deep link asks for its course beside the config.
 */
export async function GET(req: MedusaRequest<unknown, StorefrontCatalogQuery>, res: MedusaResponse) {
  const catalog = await serveCatalog(req, {
    locale: req.validatedQuery.locale,
    salesChannelIds: await storefrontSalesChannels(req),
  })
  const page = catalog.course(req.params.handle)
  if (!page) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Course "${req.params.handle}" was not found`)
  }
  sendShared(req, res, page)
}
