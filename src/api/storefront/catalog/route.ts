import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serveCatalog } from "../../../catalog/catalog-source"
import { sendShared } from "../../../catalog/http"
import { storefrontSalesChannels } from "../../../catalog/storefront-key"
import type { StorefrontCatalogQuery } from "./validators"

/**
 * GET /storefront/catalog?locale=: the same answer as GET /store/catalog with the store's own
 * publishable key, without the key. The Mini App's first screen asks for it beside
 * /storefront/config instead of after it: one round trip less before the first card.
 */
export async function GET(req: MedusaRequest<unknown, StorefrontCatalogQuery>, res: MedusaResponse) {
  const catalog = await serveCatalog(req, {
    locale: req.validatedQuery.locale,
    salesChannelIds: await storefrontSalesChannels(req),
  })
  sendShared(req, res, catalog.list)
}
