import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { useEnvironment } from "../helpers/test-environment"
import { signInShopper } from "../helpers/shopper"
import { errorResponse } from "../helpers/http"

jest.setTimeout(240_000)

const PROVIDER = "pp_yookassa_yookassa"
useEnvironment({ PAYMENT_SESSIONS_PER_CUSTOMER: "3", PAYMENT_SESSIONS_PER_ADDRESS: "5" })
const yookassa = useYookassaSandbox(19_800)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig
    let variantId: string

    beforeAll(async () => {
      await prepareStore(getContainer(), { seed: true })
      config = (await api.get("/storefront/config")).data
      const { data } = await api.get(`/store/products?limit=1&region_id=${config.region_id}&fields=id,*variants`, {
        headers: { "x-publishable-api-key": config.publishable_key },
      })
      variantId = data.products[0].variants[0].id
    })

    /** A shopper's cart with a course and its payment collection; then session after session. */
    async function collectionOf(headers: Record<string, string>) {
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: config.region_id, email: "buyer@example.ru" },
        { headers }
      )
      await api.post(`/store/carts/${created.cart.id}/line-items`, { variant_id: variantId, quantity: 1 }, { headers })
      const { data } = await api.post("/store/payment-collections", { cart_id: created.cart.id }, { headers })
      return data.payment_collection.id as string
    }

    const startSession = (collectionId: string, headers: Record<string, string>) =>
      api
        .post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: PROVIDER }, { headers })
        .catch(errorResponse)

    async function headersOf(id: number) {
      const token = await signInShopper(api, { id, first_name: `Покупатель ${id}` })
      return { "x-publishable-api-key": config.publishable_key, authorization: `Bearer ${token}` }
    }

    function expectRefused(response: { status: number; headers: any; data: any }, per: string) {
      expect(response.status).toBe(429)
      const retryAfter = Number(response.headers["retry-after"])
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 600).toBe(true)
      expect(response.data.message).toContain(`per ${per}`)
      expect(response.data.message).toContain(`retry in ${retryAfter} s`)
    }

    it("lets one shopper start so many payments per window, then answers 429 with Retry-After and calls no gateway", async () => {
      const first = await headersOf(7101)
      const collectionId = await collectionOf(first)
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await startSession(collectionId, first)).status).toBe(200)
      }
      const paymentsBefore = yookassa.sandbox().payments().length
      expectRefused(await startSession(collectionId, first), "customer")
      // Another cart of the same shopper counts against the same budget.
      expectRefused(await startSession(await collectionOf(first), first), "customer")
      expect(yookassa.sandbox().payments()).toHaveLength(paymentsBefore)

      // Another shopper from the same address has a budget of their own, up to the address's.
      const second = await headersOf(7102)
      const secondCollection = await collectionOf(second)
      expect((await startSession(secondCollection, second)).status).toBe(200)
      expect((await startSession(secondCollection, second)).status).toBe(200)
      expectRefused(await startSession(secondCollection, second), "address")

      // A guest from that address, claiming another with an X-Forwarded-For the server was not
      // told to trust, opens no new budget.
      const guest = { "x-publishable-api-key": config.publishable_key }
      const spoofed = await startSession(await collectionOf(guest), { ...guest, "x-forwarded-for": "203.0.113.7" })
      expectRefused(spoofed, "address")
      expect(yookassa.sandbox().payments()).toHaveLength(paymentsBefore + 2)
    })
  },
})
