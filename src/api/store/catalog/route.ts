import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { serveCatalog } from "../../../catalog/catalog-source"
import { sendShared } from "../../../catalog/http"
import type { StoreCatalogQuery } from "./validators"

/**
 * GET /store/catalog: the Mini App's first screen in one response: categories and published
 * courses of the key's sales channels, priced for the region, in the request's locale.
 */
export async function GET(req: MedusaStoreRequest<unknown, StoreCatalogQuery>, res: MedusaResponse) {
  const catalog = await serveCatalog(req, {
    regionId: req.validatedQuery.region_id,
    locale: req.locale,
    salesChannelIds: req.publishable_key_context.sales_channel_ids,
  })
  sendShared(req, res, catalog.list)
}
