import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PUBLISHABLE_KEY_TITLE } from "../../../migration-scripts/setup-store"

export type StorefrontConfig = {
  publishable_key: string
  region_id: string
  currency_code: string
}

/**
 * GET /storefront/config: what the Mini App needs before its first /store call.
 * Everything here is public by design (a publishable key only scopes the
 * catalogue to a sales channel), so the Mini App never has a key baked in.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<StorefrontConfig>) {
  const apiKeys = await req.scope.resolve(Modules.API_KEY).listApiKeys({
    type: "publishable",
    title: PUBLISHABLE_KEY_TITLE,
  })
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { take: 1 })
  const key = apiKeys.find((apiKey) => !apiKey.revoked_at)
  if (!key || !store?.default_region_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "The store is not set up yet: run the database migrations (medusa db:migrate)"
    )
  }
  const region = await req.scope.resolve(Modules.REGION).retrieveRegion(store.default_region_id)

  res.setHeader("Cache-Control", "public, max-age=60")
  res.json({
    publishable_key: key.token,
    region_id: region.id,
    currency_code: region.currency_code,
  })
}
