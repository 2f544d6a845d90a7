import { MedusaError } from "@medusajs/framework/utils"
import type { CatalogScope } from "./load-catalog"
import { resolveCatalogLocale } from "./locale"
import type { CatalogStoreSettings } from "./store-settings"

export type CatalogRequest = {
  /** `region_id` from the query; the store's default region when absent. */
  regionId?: string
  /** The locale Medusa read from `?locale=` or `x-medusa-locale`. */
  locale?: string
  /** The publishable key's sales channels. */
  salesChannelIds?: string[]
}

/** Turns what a request asks for into a catalogue scope, refusing what cannot be served with a 400 naming the field. */
export function scopeOf(settings: CatalogStoreSettings, request: CatalogRequest): CatalogScope {
  const regionId = request.regionId ?? settings.defaultRegionId
  const currencyCode = settings.currencyByRegion.get(regionId)
  if (!currencyCode) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `region_id: there is no region with id "${regionId}"`)
  }
  const salesChannelIds = [...new Set(request.salesChannelIds ?? [])].sort()
  if (!salesChannelIds.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Publishable key needs to have a sales channel configured")
  }
  return {
    regionId,
    currencyCode,
    locale: resolveCatalogLocale(request.locale, settings.supportedLocales),
    salesChannelIds,
  }
}

/** One string per distinct catalogue, for caches. */
export function scopeKey(scope: CatalogScope): string {
  return [scope.regionId, scope.locale, scope.salesChannelIds.join(",")].join("|")
}
