import { ApiLoader } from "@medusajs/framework/http"
import type { LoaderOptions } from "@medusajs/framework/types"
import { cachedPublishableKey } from "../../../store-stack/cached-publishable-key"
import { guardLocale } from "../../../store-stack/locale-guard"

export type StoreCacheOptions = {
  /** Serve /store's publishable-key check from the store cache (default); false keeps Medusa's own. */
  publishableKeyCache?: boolean
}

type TraceMiddleware = NonNullable<typeof ApiLoader.traceMiddleware>
type Handler = Parameters<TraceMiddleware>[0]
const INSTALLED = Symbol.for("aistore.store-stack")

/**
 * Medusa registers its publishable-key check and its locale middleware on /store before any
 * app or plugin middleware, so no middleware can run in their place. Its ApiLoader hands every
 * middleware it registers to `ApiLoader.traceMiddleware` (the hook Medusa's instrumentation
 * uses to wrap them); this loader, which runs before the API is loaded, puts the cached key
 * check and the guarded locale middleware in their places there, and passes everything else
 * (to any tracer already installed) unchanged.
 */
export default async function installStoreStack({ options }: LoaderOptions<StoreCacheOptions>): Promise<void> {
  const previous = ApiLoader.traceMiddleware
  if (previous && INSTALLED in previous) {
    return
  }
  const replace = (handler: Handler): Handler => {
    if (handler.name === "ensurePublishableApiKeyMiddleware" && options?.publishableKeyCache !== false) {
      return cachedPublishableKey as Handler
    }
    if (handler.name === "applyLocale") {
      return guardLocale(handler as Parameters<typeof guardLocale>[0]) as Handler
    }
    return handler
  }
  const swap: TraceMiddleware = (handler, route) => {
    const chosen = route.route === "/store" ? replace(handler) : handler
    return previous ? previous(chosen, route) : chosen
  }
  ApiLoader.traceMiddleware = Object.assign(swap, { [INSTALLED]: true })
}
