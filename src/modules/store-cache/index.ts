import { Module } from "@medusajs/framework/utils"
import installPublishableKeyCache from "./loaders/publishable-key-cache"
import StoreCacheService from "./service"

export const STORE_CACHE_MODULE = "store_cache"

export default Module(STORE_CACHE_MODULE, { service: StoreCacheService, loaders: [installPublishableKeyCache] })
export type { StoreCacheService }
export type { StoreCacheOptions } from "./loaders/publishable-key-cache"
