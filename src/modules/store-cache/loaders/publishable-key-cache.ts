import { ApiLoader } from "@medusajs/framework/http"
import type { LoaderOptions } from "@medusajs/framework/types"
import { cachedPublishableKey } from "../../../store-stack/cached-publishable-key"

export type StoreCacheOptions = {
  /** Serve /store's publishable-key check from the store cache (default); false keeps Medusa's own. */
  publishableKeyCache?: boolean
}

type TraceMiddleware = NonNullable<typeof ApiLoader.traceMiddleware>
const INSTALLED = Symbol.for("aistore.publishable-key-cache")

/**
 * Medusa registers its publishable-key check on /store before any app or plugin middleware,
 * so no middleware can run in its place. Its ApiLoader hands every middleware it registers to
 * `ApiLoader.traceMiddleware` (the hook Medusa's instrumentation uses to wrap them); this
 * loader, which runs before the API is loaded, puts the cached check in place of Medusa's
 * there and passes everything else (to any tracer already installed) unchanged.
 */
export default async function installPublishableKeyCache({ options }: LoaderOptions<StoreCacheOptions>): Promise<void> {
  const previous = ApiLoader.traceMiddleware
  if (options?.publishableKeyCache === false || (previous && INSTALLED in previous)) {
    return
  }
  const swap: TraceMiddleware = (handler, route) => {
    const chosen =
      route.route === "/store" && handler.name === "ensurePublishableApiKeyMiddleware" ? (cachedPublishableKey as typeof handler) : handler
    return previous ? previous(chosen, route) : chosen
  }
  ApiLoader.traceMiddleware = Object.assign(swap, { [INSTALLED]: true })
}
