import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { PAYMENT_PROVIDER_IDS, readEnvironment, type PaymentMethod } from "../../../config/environment"
import { PUBLISHABLE_KEY_TITLE } from "../../../migration-scripts/setup-store"

export type StorefrontConfig = {
  publishable_key: string
  region_id: string
  currency_code: string
  /** The payment methods the region offers, in the order to show them. */
  payment_methods: Array<{ id: PaymentMethod; provider_id: string }>
  /** Roubles per Star, for showing Stars prices in the catalogue (the invoice's own price is on its session). */
  stars_rub_rate: number | null
}

const environment = readEnvironment()

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
  const { data: links } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "region_payment_provider",
    fields: ["payment_provider_id"],
    filters: { region_id: region.id },
  })
  const offered = new Set((links as Array<{ payment_provider_id: string }>).map((link) => link.payment_provider_id))
  const methods = environment.paymentMethods
    .filter((method) => offered.has(PAYMENT_PROVIDER_IDS[method]))
    .map((id) => ({ id, provider_id: PAYMENT_PROVIDER_IDS[id] }))

  res.setHeader("Cache-Control", "public, max-age=60")
  res.json({
    publishable_key: key.token,
    region_id: region.id,
    currency_code: region.currency_code,
    payment_methods: methods,
    stars_rub_rate: methods.some((method) => method.id === "stars") ? environment.telegram.starsRubRate : null,
  })
}
