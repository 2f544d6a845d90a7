import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** What the catalogue needs from the store before it can pick a region and a locale. */
export type CatalogStoreSettings = {
  defaultRegionId: string
  supportedLocales: string[]
  /** Every region's currency, so a region id is checked without another lookup (a Map: a plain object would answer `__proto__`). */
  currencyByRegion: ReadonlyMap<string, string>
}

export async function loadCatalogStoreSettings(container: MedusaContainer): Promise<CatalogStoreSettings> {
  const [store] = await container
    .resolve(Modules.STORE)
    .listStores({}, { take: 1, select: ["id", "default_region_id"], relations: ["supported_locales"] })
  if (!store?.default_region_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "The store is not set up yet: run the database migrations (medusa db:migrate)"
    )
  }
  const regions = await container.resolve(Modules.REGION).listRegions({}, { select: ["id", "currency_code"] })
  return {
    defaultRegionId: store.default_region_id,
    supportedLocales: (store.supported_locales ?? []).map((locale) => locale.locale_code),
    currencyByRegion: new Map(regions.map((region) => [region.id, region.currency_code])),
  }
}
