import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import setupStore, { REGION_PAYMENT_PROVIDERS } from "../../src/migration-scripts/setup-store"
import { SYSTEM_PAYMENT_PROVIDER } from "../../src/migration-scripts/remove-system-payment-provider"
import type { StorefrontConfig } from "../../src/api/storefront/config/route"
import { seedDemoCatalogue } from "../../src/scripts/seed-demo"

/**
 * What `medusa db:migrate` and local mode's first start do, for a test database.
 * `manualPayments` puts Medusa's system provider back on the region, as a merchant taking
 * payments by hand could: for specs about delivery, messages and analytics, where an order
 * authorized (and captured from the admin) without a gateway stands in for a paid one. The
 * store itself never offers it (see remove-system-payment-provider.ts); the payment specs
 * never use this.
 */
export async function prepareStore(
  container: MedusaContainer,
  { seed, manualPayments = false }: { seed: boolean; manualPayments?: boolean }
) {
  await setupStore({ container, args: [] })
  if (seed) {
    await seedDemoCatalogue(container)
  }
  if (manualPayments) {
    const { data } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "region", fields: ["id"] })
    await updateRegionsWorkflow(container).run({
      input: {
        selector: { id: data.map((region) => region.id) },
        update: { payment_providers: [...REGION_PAYMENT_PROVIDERS, SYSTEM_PAYMENT_PROVIDER] },
      },
    })
  }
}

export type { StorefrontConfig } from "../../src/api/storefront/config/route"

type Api = {
  get: (url: string, config?: object) => Promise<{ data: any }>
  post: (url: string, body?: object, config?: object) => Promise<{ data: any }>
}

/** A shopper buys the first course of the catalogue, paid by hand (needs `manualPayments`). */
export async function placeCourseOrder(api: Api, config: StorefrontConfig, customerToken?: string) {
  const headers = {
    "x-publishable-api-key": config.publishable_key,
    ...(customerToken ? { authorization: `Bearer ${customerToken}` } : {}),
  }
  const { data: catalogue } = await api.get(
    `/store/products?limit=1&region_id=${config.region_id}&fields=id,title,*variants.calculated_price`,
    { headers }
  )
  const product = catalogue.products[0]
  const { data: created } = await api.post(
    "/store/carts",
    { region_id: config.region_id, email: "shopper@example.ru" },
    { headers }
  )
  const cartId = created.cart.id
  await api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }, { headers })
  const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
  await api.post(
    `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )
  const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  return { order: completed.order, product }
}
