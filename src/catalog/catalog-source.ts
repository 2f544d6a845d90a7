import type { MedusaContainer } from "@medusajs/framework/types"
import { type CatalogRequest, scopeOf } from "./catalog-scope"
import { represent, type Representation } from "./http"
import { loadCatalog } from "./load-catalog"
import { loadCatalogStoreSettings } from "./store-settings"

/** One catalogue, serialised: the list, and each course page on first request. */
export type ServedCatalog = {
  list: Representation
  course(handle: string): Representation | undefined
}

export async function serveCatalog(container: MedusaContainer, request: CatalogRequest): Promise<ServedCatalog> {
  const scope = scopeOf(await loadCatalogStoreSettings(container), request)
  const snapshot = await loadCatalog(container, scope)
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
