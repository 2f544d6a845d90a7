import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CATALOG_EVENTS } from "../catalog/catalog-events"
import { CATALOG_CACHE_MODULE, type CatalogCacheService } from "../modules/catalog-cache"

/**
 * A product, price, category, translation, channel, region, store or key changed: the cached
 * catalogue is out of date on every replica. (The emitting process has already invalidated
 * through the cache's event interceptor; this covers event buses without interceptors.)
 */
export default async function invalidateCatalog({ container }: SubscriberArgs<unknown>) {
  await container.resolve<CatalogCacheService>(CATALOG_CACHE_MODULE).invalidate()
}

export const config: SubscriberConfig = {
  event: CATALOG_EVENTS,
  context: { subscriberId: "catalog-invalidate" },
}
