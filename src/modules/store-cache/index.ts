import { Module } from "@medusajs/framework/utils"
import installStoreStack from "./loaders/store-stack"
import StoreCacheService from "./service"

export const STORE_CACHE_MODULE = "store_cache"

export default Module(STORE_CACHE_MODULE, { service: StoreCacheService, loaders: [installStoreStack] })
export type { StoreCacheService }
export type { StoreCacheOptions } from "./loaders/store-stack"
