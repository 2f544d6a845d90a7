import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, ContainerRegistrationKeys, MedusaError, PUBLISHABLE_KEY_HEADER } from "@medusajs/framework/utils"
import { STORE_CACHE_MODULE, type StoreCacheService } from "../modules/store-cache"

type PublishableKey = { token: string; revokedAt: number | null; salesChannelIds: string[] }
type ApiKeyRow = {
  token: string
  revoked_at: Date | string | null
  sales_channels_link?: { sales_channel_id: string }[] | null
}

/**
 * Medusa's publishable-key check for every /store route, with the key's sales channels taken
 * from the store cache instead of the database (Medusa's own query on each request, its
 * largest per-request cost). Same answers as Medusa's: the same errors, a revoked key refused
 * from its revocation time on. A key's entry goes when the key or its channels change (store
 * cache events); an unknown key is looked up every time and never kept.
 */
export async function cachedPublishableKey(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const token = req.get(PUBLISHABLE_KEY_HEADER)
  if (!token) {
    return next(
      new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Publishable API key required in the request header: ${PUBLISHABLE_KEY_HEADER}. You can manage your keys in settings in the dashboard.`
      )
    )
  }
  try {
    const view = await req.scope.resolve<StoreCacheService>(STORE_CACHE_MODULE).viewFor(req)
    const key = await view.get("publishable-key", token, () => lookUp(req.scope, token))
    if (!key || (key.revokedAt !== null && key.revokedAt <= Date.now())) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "A valid publishable key is required to proceed with the request"
      )
    }
    const storeRequest = req as MedusaStoreRequest
    storeRequest.publishable_key_context = { key: key.token, sales_channel_ids: key.salesChannelIds }
    next()
  } catch (error) {
    next(error)
  }
}

async function lookUp(container: MedusaContainer, token: string) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "api_key",
    fields: ["id", "token", "revoked_at", "sales_channels_link.sales_channel_id"],
    filters: { token, type: ApiKeyType.PUBLISHABLE },
  })
  const row = data[0] as ApiKeyRow | undefined
  if (!row) {
    // Not kept: anyone can send any number of made-up keys.
    return { value: undefined, validUntil: 0 }
  }
  const key: PublishableKey = {
    token: row.token,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).getTime() : null,
    salesChannelIds: (row.sales_channels_link ?? []).map((link) => link.sales_channel_id),
  }
  // A key revoked for later is kept only until then.
  return { value: key, validUntil: key.revokedAt ?? Infinity }
}
