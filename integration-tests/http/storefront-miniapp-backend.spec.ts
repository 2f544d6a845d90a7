import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { useEnvironment } from "../helpers/test-environment"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { failed } from "../helpers/http"

jest.setTimeout(180_000)

const ADMIN = { email: "merchant@aistore.test", password: "correct horse battery staple" }
const APP_LINK = "https://t.me/aistore_bot/shop"
useEnvironment({ TELEGRAM_MINIAPP_LINK: APP_LINK, YOOKASSA_RECEIPTS: "true" })

/** What the Mini App reads besides the catalogue: its configuration and the consent pages. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: false })
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      admin = { headers: { authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}` } }
      const [record] = await container.resolve(Modules.STORE).listStores({}, { select: ["id"] })
      await container.resolve(Modules.STORE).updateStores(record.id, { metadata: { other_setting: "kept" } })
      config = (await api.get("/storefront/config")).data
      store = { headers: { "x-publishable-api-key": config.publishable_key } }
    })

    it("/storefront/config tells the Mini App how shoppers pay, whether a receipt needs an e-mail, its t.me link and the consent pages", async () => {
      expect(config).toMatchObject({
        region_id: expect.stringMatching(/^reg_/),
        currency_code: "rub",
        payment: {
          providers: expect.arrayContaining(["pp_yookassa_yookassa", "pp_telegram-stars_telegram-stars"]),
          confirmation: "redirect",
          widget_url: "https://yookassa.ru/checkout-widget/v1/checkout-widget.js",
          receipts: true,
        },
        telegram: { app_link: APP_LINK },
        legal_pages: ["offer", "privacy", "refunds"],
      })
      expect(config.payment.providers).not.toContain("pp_system_default")
    })

    it("serves each consent page in Russian by default and in English when asked; unknown pages are 404", async () => {
      const offer = (await api.get("/store/legal-pages/offer", store)).data.page
      expect(offer).toMatchObject({ slug: "offer", language: "ru", title: "Публичная оферта", updated_at: null })
      expect(offer.body).toContain("ГК РФ")
      const privacy = (await api.get("/store/legal-pages/privacy?locale=en-US", store)).data.page
      expect(privacy).toMatchObject({ language: "en", title: "Personal data policy" })
      const byHeader = (
        await api.get("/store/legal-pages/refunds", { headers: { ...store.headers, "x-medusa-locale": "en-US" } })
      ).data.page
      expect(byHeader.title).toBe("Refund terms")

      const unknown = await failed(api.get("/store/legal-pages/terms-of-service", store))
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toContain("offer, privacy, refunds")
      expect((await failed(api.get("/store/legal-pages/offer?admin=1", store))).status).toBe(400)
      expect((await failed(api.get("/store/legal-pages/offer"))).status).toBe(400)
    })

    it("lets only an admin edit a page, in one language, leaving the others as they were", async () => {
      const edit = { language: "ru", title: "Оферта ООО «Ромашка»", body: "Первый абзац.\n\nВторой абзац." }
      expect((await failed(api.post("/admin/legal-pages/offer", edit))).status).toBe(401)
      expect((await failed(api.post("/admin/legal-pages/offer", edit, store))).status).toBe(401)

      const { data } = await api.post("/admin/legal-pages/offer", edit, admin)
      expect(data.page).toMatchObject({ ...edit, slug: "offer", updated_at: expect.any(String) })
      expect((await api.get("/store/legal-pages/offer", store)).data.page).toMatchObject({
        title: edit.title,
        body: edit.body,
      })
      expect((await api.get("/store/legal-pages/offer?locale=en-US", store)).data.page.title).toBe("Public offer")
      expect((await api.get("/store/legal-pages/refunds", store)).data.page.title).toBe("Условия возврата")

      const pages = (await api.get("/admin/legal-pages", admin)).data.pages
      expect(pages).toHaveLength(6)
      expect(pages.filter((page: { updated_at: string | null }) => page.updated_at)).toEqual([
        expect.objectContaining({ slug: "offer", language: "ru" }),
      ])
      // The rest of the store's metadata is kept.
      const [storeRecord] = await getContainer()
        .resolve(Modules.STORE)
        .listStores({}, { select: ["metadata"] })
      expect(storeRecord.metadata).toMatchObject({ other_setting: "kept", legal_pages: expect.any(Object) })
    })

    it("refuses malformed edits with 400 and unknown pages with 404", async () => {
      for (const body of [
        { language: "de", title: "T", body: "B" },
        { language: "ru", title: "", body: "B" },
        { language: "ru", title: "T", body: "   " },
        { language: "ru", title: "T", body: "B", extra: true },
        { language: "ru", title: "x".repeat(201), body: "B" },
      ]) {
        const response = await failed(api.post("/admin/legal-pages/privacy", body, admin))
        expect([response.status, body]).toEqual([400, body])
      }
      expect(
        (await failed(api.post("/admin/legal-pages/cookies", { language: "ru", title: "T", body: "B" }, admin))).status
      ).toBe(404)
    })
  },
})
