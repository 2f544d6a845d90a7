import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoCatalogue } from "../../src/scripts/seed-demo"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { errorResponse } from "../helpers/http"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
    })

    beforeEach(async () => {
      config = (await api.get("/storefront/config")).data
    })

    it("gives the Mini App its publishable key and the rouble region without any key", async () => {
      expect(config.publishable_key).toMatch(/^pk_/)
      expect(config.region_id).toMatch(/^reg_/)
      expect(config.currency_code).toBe("rub")
    })

    it("lists the seeded courses with rouble prices through the publishable key", async () => {
      const { data } = await api.get(
        `/store/products?limit=100&region_id=${config.region_id}&fields=id,title,handle,thumbnail,*variants.calculated_price,*categories`,
        { headers: { "x-publishable-api-key": config.publishable_key } }
      )
      expect(data.count).toBeGreaterThanOrEqual(10)
      for (const product of data.products) {
        expect(product.title).toEqual(expect.any(String))
        expect(product.thumbnail).toMatch(/^http:\/\/localhost:9000\/static\/.+\.png$/)
        expect(product.categories.length).toBe(1)
        const price = product.variants[0].calculated_price
        expect(price.currency_code).toBe("rub")
        expect(price.calculated_amount).toBeGreaterThan(0)
      }
      const categories = new Set(data.products.map((product: any) => product.categories[0].id))
      expect(categories.size).toBeGreaterThanOrEqual(3)
    })

    it("serves the catalogue in English with ?locale=en-US, Russian by default", async () => {
      const path = `/store/products?limit=100&region_id=${config.region_id}&fields=id,title,handle`
      const headers = { "x-publishable-api-key": config.publishable_key }
      const russian = (await api.get(path, { headers })).data.products
      const english = (await api.get(`${path}&locale=en-US`, { headers })).data.products
      const englishByHandle = new Map(english.map((product: any) => [product.handle, product.title]))
      expect(russian.length).toBe(english.length)
      for (const product of russian) {
        expect(product.title).toMatch(/[а-яё]/i)
        expect(englishByHandle.get(product.handle)).not.toMatch(/[а-яё]/i)
      }
    })

    it("lists the course categories", async () => {
      const { data } = await api.get("/store/product-categories", {
        headers: { "x-publishable-api-key": config.publishable_key },
      })
      expect(data.product_categories.length).toBeGreaterThanOrEqual(3)
    })

    it("refuses the catalogue without a publishable key, with a message", async () => {
      const response = await api.get("/store/products").catch(errorResponse)
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/publishable/i)
    })

    it("does not seed twice", async () => {
      const again = await seedDemoCatalogue(getContainer())
      expect(again).toEqual({ created: 0, skipped: true })
    })
  },
})
