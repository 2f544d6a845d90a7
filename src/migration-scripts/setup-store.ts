import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { enabledPaymentProviders } from "./sync-payment-methods"
import {
  createApiKeysWorkflow,
  createDefaultsWorkflow,
  createRegionsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const STORE_NAME = "AI Store"
export const STORE_CURRENCY = "rub"
export const STORE_COUNTRY = "ru"
export const REGION_NAME = "Россия"
export const PUBLISHABLE_KEY_TITLE = "AI Store Mini App"
/**
 * Gateways only (those PAYMENT_METHODS enables): Medusa completes a cart with a total of 0
 * (free courses, 100% promotions) without any payment session, and the system provider would
 * authorize any amount.
 */
export const REGION_PAYMENT_PROVIDERS = enabledPaymentProviders()

/**
 * What every deployment needs before a shopper can buy: the store in roubles,
 * the region Russia with its payment providers, a tax region, and the Mini App's
 * publishable key on the default sales channel. Run once by `medusa db:migrate`;
 * each step finds what exists first, so running it again changes nothing.
 */
export default async function setupStore({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)
  const apiKeyModule = container.resolve(Modules.API_KEY)

  await createDefaultsWorkflow(container).run()
  const [store] = await storeModule.listStores({}, { take: 1 })

  let [region] = await regionModule.listRegions({ currency_code: STORE_CURRENCY }, { take: 1 })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: REGION_NAME,
            currency_code: STORE_CURRENCY,
            countries: [STORE_COUNTRY],
            payment_providers: REGION_PAYMENT_PROVIDERS,
          },
        ],
      },
    })
    region = result[0]
    logger.info(`Store setup: region ${REGION_NAME} (${region.id}) created`)
  }

  const taxRegions = await taxModule.listTaxRegions({ country_code: STORE_COUNTRY }, { take: 1 })
  if (!taxRegions.length) {
    await createTaxRegionsWorkflow(container).run({
      input: [{ country_code: STORE_COUNTRY, provider_id: "tp_system" }],
    })
  }

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: STORE_NAME,
        supported_currencies: [{ currency_code: STORE_CURRENCY, is_default: true }],
        default_region_id: region.id,
      },
    },
  })

  const existingKeys = await apiKeyModule.listApiKeys({
    type: "publishable",
    title: PUBLISHABLE_KEY_TITLE,
  })
  if (!existingKeys.some((key) => !key.revoked_at)) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: {
        api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }],
      },
    })
    if (store.default_sales_channel_id) {
      await linkSalesChannelsToApiKeyWorkflow(container).run({
        input: { id: result[0].id, add: [store.default_sales_channel_id] },
      })
    }
    logger.info(`Store setup: publishable key "${PUBLISHABLE_KEY_TITLE}" created`)
  }
}
