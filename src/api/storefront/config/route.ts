import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  PAYMENT_PROVIDER_IDS,
  readEnvironment,
  type PaymentMethod,
  type StoreEnvironment,
} from "../../../config/environment"
import { PUBLISHABLE_KEY_TITLE } from "../../../migration-scripts/setup-store"
import { LEGAL_PAGE_SLUGS } from "../../../utils/legal-pages"

export type StorefrontConfig = {
  publishable_key: string
  region_id: string
  currency_code: string
  /** The payment methods the region offers, in the order to show them. */
  payment_methods: Array<{ id: PaymentMethod; provider_id: string }>
  /** Roubles per Star, for showing Stars prices in the catalogue (the invoice's own price is on its session). */
  stars_rub_rate: number | null
  payment: {
    /** Providers the shopper pays with: the region's, without the system one (zero totals need none). */
    providers: string[]
    confirmation: "redirect" | "embedded"
    /** The widget script the embedded confirmation loads: Yookassa's (the sandbox's stand-in in development). */
    widget_url: string
    /** 54-FZ receipts are on: checkout asks for an e-mail. */
    receipts: boolean
  }
  telegram: { app_link: string | null }
  legal_pages: string[]
}

const SYSTEM_PROVIDER = "pp_system_default"
let environment: StoreEnvironment | undefined

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
  const { data: regions } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "region",
    fields: ["id", "currency_code", "payment_providers.id", "payment_providers.is_enabled"],
    filters: { id: store.default_region_id },
  })
  const region = regions[0] as
    | { id: string; currency_code: string; payment_providers?: ({ id: string; is_enabled: boolean } | null)[] | null }
    | undefined
  if (!region) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store's default region was not found")
  }
  // Read once: the environment does not change while the server runs.
  environment ??= readEnvironment()
  const providers = (region.payment_providers ?? []).flatMap((provider) =>
    provider?.is_enabled && provider.id !== SYSTEM_PROVIDER ? [provider.id] : []
  )
  const methods = environment.paymentMethods
    .filter((method) => providers.includes(PAYMENT_PROVIDER_IDS[method]))
    .map((id) => ({ id, provider_id: PAYMENT_PROVIDER_IDS[id] }))

  res.setHeader("Cache-Control", "public, max-age=60")
  res.json({
    publishable_key: key.token,
    region_id: region.id,
    currency_code: region.currency_code,
    payment_methods: methods,
    stars_rub_rate: methods.some((method) => method.id === "stars") ? environment.telegram.starsRubRate : null,
    payment: {
      providers,
      confirmation: environment.yookassa.options.confirmationType,
      widget_url: environment.yookassa.widgetUrl,
      receipts: environment.yookassa.options.receipts.enabled,
    },
    telegram: { app_link: environment.telegram.miniAppLink ?? null },
    legal_pages: [...LEGAL_PAGE_SLUGS],
  })
}
