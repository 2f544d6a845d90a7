import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PUBLISHABLE_KEY_TITLE } from "../migration-scripts/setup-store"
import { STORE_CACHE_MODULE, type StoreCacheService } from "../modules/store-cache"

type KeyRow = { revoked_at: Date | string | null; sales_channels_link?: { sales_channel_id: string }[] | null }

/**
 * The sales channels of the store's own publishable key, the one GET /storefront/config hands
 * the Mini App: what the key-less /storefront/catalog routes serve. From the store cache, which
 * key and key–channel link events renew.
 */
export async function storefrontSalesChannels(req: MedusaRequest): Promise<string[]> {
  const view = await req.scope.resolve<StoreCacheService>(STORE_CACHE_MODULE).viewFor(req)
  const channels = await view.get("storefront-key", "", () => lookUp(req.scope))
  if (!channels) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "The store is not set up yet: run the database migrations (medusa db:migrate)"
    )
  }
  return channels
}

async function lookUp(container: MedusaContainer): Promise<{ value: string[] | undefined; validUntil?: number }> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "api_key",
    fields: ["revoked_at", "sales_channels_link.sales_channel_id"],
    filters: { title: PUBLISHABLE_KEY_TITLE, type: ApiKeyType.PUBLISHABLE },
  })
  const now = Date.now()
  const live = (data as KeyRow[]).filter((row) => !row.revoked_at || new Date(row.revoked_at).getTime() > now)
  const key = live[0]
  if (!key) {
    return { value: undefined, validUntil: 0 }
  }
  const revokedAt = key.revoked_at ? new Date(key.revoked_at).getTime() : Infinity
  return { value: (key.sales_channels_link ?? []).map((link) => link.sales_channel_id), validUntil: revokedAt }
}
