import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STORE_CACHE_MODULE, type StoreCacheService } from "../modules/store-cache"

/**
 * For admin routes that change the catalogue without any event (2.21.2's
 * POST /admin/product-categories/:id/products emits none): the cache is invalidated before
 * the admin's answer is written, so the next catalogue request is already fresh.
 */
export function invalidateCatalogBeforeAnswer(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const answer = res.json.bind(res)
  res.json = ((body: unknown) => {
    req.scope
      .resolve<StoreCacheService>(STORE_CACHE_MODULE)
      .invalidate()
      .catch((error) =>
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Store cache: invalidation failed: ${String(error)}`)
      )
      .finally(() => answer(body))
    return res
  }) as MedusaResponse["json"]
  next()
}
