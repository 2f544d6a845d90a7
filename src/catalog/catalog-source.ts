import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { STORE_CACHE_MODULE, type StoreCacheService } from "../modules/store-cache"
import { type CatalogRequest, scopeKey, scopeOf } from "./catalog-scope"
import { represent, type Representation } from "./http"
import { loadCatalog, type CatalogScope } from "./load-catalog"
import { nextPriceListChange } from "./price-list-schedule"
import { loadCatalogStoreSettings } from "./store-settings"
import type { CatalogSnapshot } from "./types"

/** One catalogue, serialised: the list, and each course page on first request. */
export type ServedCatalog = {
  list: Representation
  course(handle: string): Representation | undefined
}

/**
 * The catalogue a request asks for, from the cache: the store's settings and each distinct
 * catalogue (region, locale, sales channels) are built once per cache generation.
 */
export async function serveCatalog(req: MedusaRequest, request: CatalogRequest): Promise<ServedCatalog> {
  const container = req.scope
  // The same generation the publishable-key check read for this request: one cache read per request.
  const view = await container.resolve<StoreCacheService>(STORE_CACHE_MODULE).viewFor(req)
  const settings = await view.get("store-settings", "", async () => ({
    value: await loadCatalogStoreSettings(container),
  }))
  const scope = scopeOf(settings, request)
  return view.get("catalog", scopeKey(scope), () => buildCatalog(container, scope))
}

async function buildCatalog(container: MedusaContainer, scope: CatalogScope) {
  const [snapshot, validUntil] = await Promise.all([loadCatalog(container, scope), nextPriceListChange(container)])
  return { value: serialise(snapshot), validUntil }
}

function serialise(snapshot: CatalogSnapshot): ServedCatalog {
  const pages = new Map<string, Representation>()
  return {
    list: represent(snapshot.catalog),
    course(handle) {
      const details = snapshot.detailsByHandle.get(handle)
      if (!details) {
        return undefined
      }
      let page = pages.get(handle)
      if (!page) {
        page = represent({ course: details })
        pages.set(handle, page)
      }
      return page
    },
  }
}
