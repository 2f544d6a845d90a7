import { PricingEvents, ProductEvents } from "@medusajs/framework/utils"

const ACTIONS = ["created", "updated", "deleted", "restored"]
const LINK_ACTIONS = ["attached", "detached"]
const named = (prefix: string, actions: string[]) => actions.map((action) => `${prefix}.${action}`)

/**
 * The module events after which a catalogue or a publishable key's sales channels may read
 * differently: products and everything in them, prices and price lists, translations, sales
 * channels, regions, the store (default region, locales), publishable keys, and the links that
 * put products in channels, prices on variants and channels on keys. Modules emit these for
 * every write, after the transaction, whichever workflow or script made it.
 */
export const STORE_CACHE_EVENTS: string[] = [
  ...Object.values(ProductEvents),
  ...Object.values(PricingEvents),
  ...named("translation.translation", ACTIONS),
  ...named("sales_channel.sales-channel", ACTIONS),
  ...named("region.region", ACTIONS),
  ...named("store.store", ACTIONS),
  ...named("api_key.api-key", ACTIONS),
  ...named("LinkProductSalesChannel", LINK_ACTIONS),
  ...named("LinkProductVariantPriceSet", LINK_ACTIONS),
  ...named("LinkPublishableApiKeySalesChannel", LINK_ACTIONS),
]

const STORE_CACHE_EVENT_SET = new Set(STORE_CACHE_EVENTS)

export function isStoreCacheEvent(name: string): boolean {
  return STORE_CACHE_EVENT_SET.has(name)
}
