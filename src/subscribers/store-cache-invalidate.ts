import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { STORE_CACHE_MODULE, type StoreCacheService } from "../modules/store-cache"
import { STORE_CACHE_EVENTS } from "../modules/store-cache/events"

/**
 * A product, price, category, translation, channel, region, store or key changed: what the
 * store cache holds is out of date on every replica. (The emitting process has already
 * invalidated through the cache's event interceptor; this covers event buses without one.)
 */
export default async function invalidateStoreCache({ container }: SubscriberArgs<unknown>) {
  await container.resolve<StoreCacheService>(STORE_CACHE_MODULE).invalidate()
}

export const config: SubscriberConfig = {
  event: STORE_CACHE_EVENTS,
  context: { subscriberId: "store-cache-invalidate" },
}
