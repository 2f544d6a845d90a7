import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig
    let headers: Record<string, string>

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true, manualPayments: true })
    })

    beforeEach(async () => {
      config = (await api.get("/storefront/config")).data
      headers = { "x-publishable-api-key": config.publishable_key }
    })

    it("completes a course purchase with no address and no shipping step", async () => {
      const { data: catalogue } = await api.get(
        `/store/products?limit=1&region_id=${config.region_id}&fields=id,*variants.calculated_price`,
        { headers }
      )
      const variant = catalogue.products[0].variants[0]
      const price = variant.calculated_price.calculated_amount

      const { data: created } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "shopper@example.ru" },
        { headers }
      )
      const cartId = created.cart.id
      const { data: withItem } = await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: variant.id, quantity: 1 },
        { headers }
      )
      expect(withItem.cart.items).toHaveLength(1)
      expect(withItem.cart.items[0].requires_shipping).toBe(false)
      expect(withItem.cart.total).toBe(price)
      expect(withItem.cart.currency_code).toBe("rub")

      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        { headers }
      )

      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
      expect(completed.type).toBe("order")
      const order = completed.order
      expect(order.total).toBe(price)
      expect(order.shipping_methods ?? []).toHaveLength(0)
      // Medusa pre-fills only the region's country; nobody was asked for an address.
      expect(order.shipping_address?.address_1 ?? null).toBeNull()
      expect(order.items[0].variant_id).toBe(variant.id)
    })
  },
})
