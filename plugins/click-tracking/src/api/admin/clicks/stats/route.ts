import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CLICK_TRACKING_MODULE } from "../../../../modules/click-tracking"
import type ClickTrackingModuleService from "../../../../modules/click-tracking/service"
import type { ClickStats } from "../../../../modules/click-tracking/stats/types"
import { clickTrackingOptions } from "../../../../options"
import { resolveRange } from "../date-range"
import type { AdminClickStatsQueryType } from "./validators"

/** GET /admin/clicks/stats (admins only, as every /admin route): totals, funnel, daily series, tops. */
export async function GET(req: MedusaRequest<unknown, AdminClickStatsQueryType>, res: MedusaResponse<ClickStats>) {
  const query = req.validatedQuery
  const { timeZone } = clickTrackingOptions(req.scope)
  const range = resolveRange(query, timeZone)
  let productIds: string[] | undefined
  if (query.product_id) {
    productIds = [query.product_id]
  } else if (query.category_id) {
    // Courses belong to categories in the product module: ask it, don't join across modules.
    const products = await req.scope
      .resolve(Modules.PRODUCT)
      .listProducts({ categories: { id: [query.category_id] } }, { select: ["id"], take: null })
    productIds = products.map((product) => product.id)
  }
  const stats = await req.scope
    .resolve<ClickTrackingModuleService>(CLICK_TRACKING_MODULE)
    .computeStats({ ...range, productIds, categoryId: query.category_id, timeZone })
  res.json(stats)
}
