import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { serveCatalog } from "../../../../../catalog/catalog-source"
import { sendShared } from "../../../../../catalog/http"
import type { StoreCatalogQuery } from "../../validators"

/** GET /store/catalog/courses/:handle: one course's page (the card plus its full text and outcomes). */
export async function GET(req: MedusaStoreRequest<unknown, StoreCatalogQuery>, res: MedusaResponse) {
  const catalog = await serveCatalog(req, {
    regionId: req.validatedQuery.region_id,
    locale: req.locale,
    salesChannelIds: req.publishable_key_context.sales_channel_ids,
  })
  const page = catalog.course(req.params.handle)
  if (!page) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Course "${req.params.handle}" was not found`)
  }
  sendShared(req, res, page)
}
