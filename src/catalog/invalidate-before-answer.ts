import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_CACHE_MODULE, type CatalogCacheService } from "../modules/catalog-cache"

/**
 * For admin routes that change the catalogue without any event (2.21.2's
 * POST /admin/product-categories/:id/products emits none): the cache is invalidated before
 * the admin's answer is written, so the next catalogue request is already fresh.
 */
export function invalidateCatalogBeforeAnswer(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const answer = res.json.bind(res)
  res.json = ((body: unknown) => {
    req.scope
      .resolve<CatalogCacheService>(CATALOG_CACHE_MODULE)
      .invalidate()
      .catch((error) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Catalogue cache: invalidation failed: ${String(error)}`))
      .finally(() => answer(body))
    return res
  }) as MedusaResponse["json"]
  next()
}
