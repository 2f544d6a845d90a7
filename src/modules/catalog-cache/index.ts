import { Module } from "@medusajs/framework/utils"
import CatalogCacheService from "./service"

export const CATALOG_CACHE_MODULE = "catalog_cache"

export default Module(CATALOG_CACHE_MODULE, { service: CatalogCacheService })
export type { CatalogCacheService }
