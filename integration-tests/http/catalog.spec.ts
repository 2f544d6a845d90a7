import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { readEnvironment } from "../../src/config/environment"
import { useBotApiDouble } from "../helpers/bot-api"
import { signInitData } from "../helpers/telegram-init-data"
import { until } from "../helpers/until"
import { STORE_CACHE_MODULE, type StoreCacheService } from "../../src/modules/store-cache"
import { placeCourseOrder, prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { failed } from "../helpers/http"

jest.setTimeout(240_000)

useBotApiDouble(19_950)
const { botToken } = readEnvironment().telegram
const ADMIN = { email: "catalog@aistore.test", password: "a long enough password" }
/** The course the edits below are made to. */
const EDITED = "chatgpt-for-everyday-work"

type Headers = Record<string, string>

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let config: StorefrontConfig
    let admin: { headers: Headers }
    let nextTelegramId = 7_100_001

    const store = (headers: Headers = {}) => ({
      headers: { "x-publishable-api-key": config.publishable_key, ...headers },
    })
    /** The response of a request that must fail. */
    const catalog = async (query = "", headers: Headers = {}) =>
      (await api.get(`/store/catalog${query}`, store(headers))).data
    /** What Medusa's own store API shows for the same region and locale, in the catalogue's terms. */
    const stock = async (locale: string) => {
      const { data } = await api.get(
        `/store/products?limit=100&region_id=${config.region_id}&locale=${locale}` +
          "&fields=id,handle,title,subtitle,thumbnail,*categories,*variants.calculated_price",
        store()
      )
      return (data.products as any[]).map((product) => ({
        id: product.id,
        handle: product.handle,
        title: product.title,
        subtitle: product.subtitle,
        thumbnail: product.thumbnail,
        category_ids: product.categories.map((category: any) => category.id),
        variant_id: product.variants[0].id,
        price: {
          amount: product.variants[0].calculated_price.calculated_amount,
          original_amount: product.variants[0].calculated_price.original_amount,
          currency_code: product.variants[0].calculated_price.currency_code,
        },
      }))
    }
    const shopperToken = async () => {
      const id = nextTelegramId++
      const initData = signInitData({ user: { id, first_name: `Покупатель ${id}` } }, botToken, new Date())
      const { data } = await api.post("/auth/customer/telegram", {}, { headers: { authorization: `tma ${initData}` } })
      return data.token as string
    }

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: true, manualPayments: true })
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      const { data: login } = await api.post("/auth/user/emailpass", ADMIN)
      admin = { headers: { authorization: `Bearer ${login.token}` } }
      config = (await api.get("/storefront/config")).data
    })

    // Medusa's runner restores the database from a template before each test, which no event
    // reports: the catalogue cache starts each test empty, as after any real change.
    beforeEach(async () => {
      await getContainer().resolve<StoreCacheService>(STORE_CACHE_MODULE).invalidate()
    })

    it("lists exactly what Medusa's store API lists: courses, order, titles and prices, in Russian and English", async () => {
      for (const locale of ["ru-RU", "en-US"]) {
        const body = await catalog(`?locale=${locale}`)
        expect(body).toMatchObject({ locale, region_id: config.region_id, currency_code: "rub" })
        const expected = await stock(locale)
        expect(expected.length).toBe(15)
        expect(body.courses.map(({ level, duration_hours, lessons, ...card }: any) => card)).toEqual(expected)
        // The categories are those the courses are in, named in the locale.
        const used = new Set(expected.flatMap((course) => course.category_ids))
        expect(new Set(body.categories.map((category: any) => category.id))).toEqual(used)
        const names = body.categories.map((category: any) => category.name).join(" ")
        expect(/[а-яё]/i.test(names)).toBe(locale === "ru-RU")
      }
    })

    it("gives each course its level, duration and lessons from the seed", async () => {
      const course = (await catalog()).courses.find((entry: any) => entry.handle === "prompt-engineering-fundamentals")
      expect(course).toMatchObject({ level: "beginner", duration_hours: 10, lessons: 22 })
    })

    it("serves a course page by handle with its full text and outcomes in the locale, and 404 for an unknown one", async () => {
      const path = "/store/catalog/courses/prompt-engineering-fundamentals"
      const russian = (await api.get(path, store())).data.course
      const english = (await api.get(`${path}?locale=en-US`, store())).data.course
      expect(russian.title).toMatch(/[а-яё]/i)
      expect(russian.description).toMatch(/[а-яё]/i)
      expect(russian.outcomes).toHaveLength(3)
      expect(russian.outcomes[0]).toMatch(/[а-яё]/i)
      expect(english.title).toBe("Prompt Engineering Fundamentals")
      expect(english.outcomes[0]).toBe("Build prompts with a role, examples and an answer format")
      expect(english.price).toEqual(russian.price)

      const missing = await failed(api.get("/store/catalog/courses/no-such-course", store()))
      expect(missing.status).toBe(404)
      expect(missing.data).toMatchObject({ type: "not_found", message: 'Course "no-such-course" was not found' })
    })

    it("falls back to Russian for a locale the store does not offer, and finds English by language alone", async () => {
      expect((await catalog("?locale=xx-YY")).locale).toBe("ru-RU")
      expect((await catalog("", { "x-medusa-locale": "de-DE" })).locale).toBe("ru-RU")
      expect((await catalog("?locale=en")).locale).toBe("en-US")
      expect((await catalog("", { "x-medusa-locale": "en-US" })).locale).toBe("en-US")
    })

    it("refuses a bad query with a 400 that names the field", async () => {
      const unknownParameter = await failed(api.get("/store/catalog?limit=5", store()))
      expect(unknownParameter.status).toBe(400)
      expect(unknownParameter.data.message).toMatch(/limit/)

      const unknownRegion = await failed(api.get("/store/catalog?region_id=reg_nope", store()))
      expect(unknownRegion.status).toBe(400)
      expect(unknownRegion.data.message).toMatch(/region_id/)

      const pageRegion = await failed(
        api.get("/store/catalog/courses/prompt-engineering-fundamentals?region_id=reg_nope", store())
      )
      expect(pageRegion.status).toBe(400)
      expect(pageRegion.data.message).toMatch(/region_id/)

      const noKey = await failed(api.get("/store/catalog"))
      expect(noKey.status).toBe(400)

      // Medusa's own locale middleware would leave these requests without any answer.
      for (const query of ["?locale=en-US&locale=ru-RU", "?locale[x]=1"]) {
        const twoLocales = await failed(api.get(`/store/catalog${query}`, store()))
        expect(twoLocales.status).toBe(400)
        expect(twoLocales.data.message).toMatch(/^locale: /)
      }
    })

    it("serves the store's own catalogue and course pages without a key at /storefront/catalog, as /store/catalog does with it", async () => {
      for (const locale of ["ru-RU", "en-US"]) {
        const keyless = await api.get(`/storefront/catalog?locale=${locale}`)
        const keyed = await api.get(`/store/catalog?locale=${locale}`, store())
        expect(keyless.data).toEqual(keyed.data)
        expect(keyless.headers.etag).toBe(keyed.headers.etag)
        const path = "/catalog/courses/prompt-engineering-fundamentals"
        expect((await api.get(`/storefront${path}?locale=${locale}`)).data).toEqual(
          (await api.get(`/store${path}?locale=${locale}`, store())).data
        )
      }
      expect((await api.get("/storefront/catalog")).data.locale).toBe("ru-RU")
      expect((await api.get("/storefront/catalog?locale=de-DE")).data.locale).toBe("ru-RU")

      const missing = await failed(api.get("/storefront/catalog/courses/no-such-course"))
      expect(missing.status).toBe(404)
      expect(missing.data.message).toBe('Course "no-such-course" was not found')
      for (const query of [
        "?region_id=reg_1",
        "?locale=en-US&locale=ru-RU",
        "?locale[x]=1",
        "?locale=<script>",
        `?locale=${"a".repeat(40)}`,
      ]) {
        const refused = await failed(api.get(`/storefront/catalog${query}`))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/region_id|locale/)
      }
    })

    it("answers with a strong ETag, and 304 to a client that holds it", async () => {
      const first = await api.get("/store/catalog", store())
      const etag = first.headers.etag as string
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
      expect(first.headers["cache-control"]).toBe("public, max-age=1")
      const again = await api.get("/store/catalog", { ...store({ "if-none-match": etag }), validateStatus: () => true })
      expect(again.status).toBe(304)
      expect(again.headers.etag).toBe(etag)
      // Another locale is another representation.
      const english = await api.get("/store/catalog?locale=en-US", {
        ...store({ "if-none-match": etag }),
        validateStatus: () => true,
      })
      expect(english.status).toBe(200)
      expect(english.headers.etag).not.toBe(etag)
    })

    it("tells a customer which courses they bought, counting orders that are not canceled", async () => {
      const anonymous = await failed(api.get("/store/catalog/owned", store()))
      expect(anonymous.status).toBe(401)

      const token = await shopperToken()
      const bearer = { authorization: `Bearer ${token}` }
      expect((await api.get("/store/catalog/owned", store(bearer))).data).toEqual({ product_ids: [] })

      const { order, product } = await placeCourseOrder(api as any, config, token)
      const owned = await api.get("/store/catalog/owned", store(bearer))
      expect(owned.data).toEqual({ product_ids: [product.id] })
      expect(owned.headers["cache-control"]).toBe("private, no-store")
      // Another shopper sees nothing of it.
      expect(
        (await api.get("/store/catalog/owned", store({ authorization: `Bearer ${await shopperToken()}` }))).data
      ).toEqual({
        product_ids: [],
      })

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      expect((await api.get("/store/catalog/owned", store(bearer))).data).toEqual({ product_ids: [] })
    })

    describe("after an edit", () => {
      type AdminProduct = { id: string; variantId: string; priceId: string; categoryId: string; price: number }
      let edited: AdminProduct
      const courseIn = (body: any, handle = EDITED) => body.courses.find((course: any) => course.handle === handle)
      const cards = (body: any) => body.courses.map(({ level, duration_hours, lessons, ...card }: any) => card)

      beforeAll(async () => {
        const { data } = await api.get(
          `/admin/products?handle=${EDITED}&fields=id,*variants,*variants.prices,*categories`,
          admin
        )
        const [product] = data.products
        const price = product.variants[0].prices.find((entry: any) => entry.currency_code === "rub")
        edited = {
          id: product.id,
          variantId: product.variants[0].id,
          priceId: price.id,
          categoryId: product.categories[0].id,
          price: price.amount,
        }
      })

      it("shows a price, title, translation, category and publish status on the very next request", async () => {
        await catalog()
        await catalog("?locale=en-US")

        await api.post(
          `/admin/products/${edited.id}/variants/${edited.variantId}`,
          { prices: [{ id: edited.priceId, currency_code: "rub", amount: 2222 }] },
          admin
        )
        expect(courseIn(await catalog()).price).toEqual({ amount: 2222, original_amount: 2222, currency_code: "rub" })

        await api.post(`/admin/products/${edited.id}`, { title: "ChatGPT на каждый день" }, admin)
        expect(courseIn(await catalog()).title).toBe("ChatGPT на каждый день")

        const { data } = await api.get(`/admin/translations?reference_id=${edited.id}&locale_code=en-US`, admin)
        const [translation] = data.translations
        await api.post(
          "/admin/translations/batch",
          {
            update: [{ id: translation.id, translations: { ...translation.translations, title: "ChatGPT every day" } }],
          },
          admin
        )
        expect(courseIn(await catalog("?locale=en-US")).title).toBe("ChatGPT every day")

        // Medusa emits no event for this route: the catalogue is invalidated before the admin's answer.
        await api.post(`/admin/product-categories/${edited.categoryId}/products`, { remove: [edited.id] }, admin)
        expect(courseIn(await catalog()).category_ids).toEqual([])
        await api.post(`/admin/product-categories/${edited.categoryId}/products`, { add: [edited.id] }, admin)
        expect(courseIn(await catalog()).category_ids).toEqual([edited.categoryId])

        await api.post(`/admin/product-categories/${edited.categoryId}`, { name: "Нейросети на каждый день" }, admin)
        const category = (await catalog()).categories.find((entry: any) => entry.id === edited.categoryId)
        expect(category.name).toBe("Нейросети на каждый день")

        await api.post(`/admin/products/${edited.id}`, { status: "draft" }, admin)
        expect(courseIn(await catalog())).toBeUndefined()
        expect((await failed(api.get(`/store/catalog/courses/${EDITED}`, store()))).status).toBe(404)
        await api.post(`/admin/products/${edited.id}`, { status: "published" }, admin)
        expect(courseIn(await catalog())).toBeDefined()

        // And it is still exactly what Medusa's store API says.
        expect(cards(await catalog())).toEqual(await stock("ru-RU"))
        expect(cards(await catalog("?locale=en-US"))).toEqual(await stock("en-US"))
      })

      it("answers 304 until something changes, then the new catalogue with a new tag", async () => {
        const { headers } = await api.get("/store/catalog", store())
        const conditional = { ...store({ "if-none-match": headers.etag }), validateStatus: () => true }
        expect((await api.get("/store/catalog", conditional)).status).toBe(304)
        expect((await api.get("/store/catalog", conditional)).status).toBe(304)

        await api.post(`/admin/products/${edited.id}`, { subtitle: "Письма и отчёты вдвое быстрее" }, admin)
        const changed = await api.get("/store/catalog", conditional)
        expect(changed.status).toBe(200)
        expect(changed.headers.etag).not.toBe(headers.etag)
        expect(courseIn(changed.data).subtitle).toBe("Письма и отчёты вдвое быстрее")
      })

      it("builds a cold catalogue once for 200 concurrent requests", async () => {
        const cache = getContainer().resolve<StoreCacheService>(STORE_CACHE_MODULE)
        await cache.invalidate()
        const before = cache.builds("catalog")
        const responses = await Promise.all(Array.from({ length: 200 }, () => api.get("/store/catalog", store())))
        expect(cache.builds("catalog")).toBe(before + 1)
        expect(new Set(responses.map((response) => response.headers.etag)).size).toBe(1)
        expect(responses.every((response) => response.status === 200)).toBe(true)
      })

      it("switches to a price list's price when the list starts, though no event marks that moment", async () => {
        const startsAt = new Date(Date.now() + 4_000)
        await api.post(
          "/admin/price-lists",
          {
            title: "Распродажа",
            description: "Скоро",
            type: "sale",
            status: "active",
            starts_at: startsAt.toISOString(),
            prices: [{ variant_id: edited.variantId, currency_code: "rub", amount: 1111 }],
          },
          admin
        )
        expect(courseIn(await catalog()).price.amount).toBe(edited.price)
        const onSale = await until(async () => {
          const course = courseIn(await catalog())
          return course.price.amount === 1111 ? course : undefined
        }, "the sale price")
        expect(Date.now()).toBeGreaterThanOrEqual(startsAt.getTime())
        expect(onSale.price).toEqual({ amount: 1111, original_amount: edited.price, currency_code: "rub" })
        expect(cards(await catalog())).toEqual(await stock("ru-RU"))
      })
    })

    describe("the publishable key check on every /store route", () => {
      const cache = () => getContainer().resolve<StoreCacheService>(STORE_CACHE_MODULE)
      const newKey = async () => {
        const { data } = await api.post("/admin/api-keys", { title: "Второй канал", type: "publishable" }, admin)
        const [channel] = await getContainer().resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
        await api.post(`/admin/api-keys/${data.api_key.id}/sales-channels`, { add: [channel.id] }, admin)
        return { id: data.api_key.id as string, token: data.api_key.token as string, channelId: channel.id }
      }
      const withKey = (token: string) => ({ headers: { "x-publishable-api-key": token }, validateStatus: () => true })

      it("reads a key's sales channels once, not on every request", async () => {
        // The cache starts each test empty (see beforeEach): the first request reads the key.
        const before = cache().builds("publishable-key")
        for (let i = 0; i < 20; i++) {
          expect((await api.get("/store/catalog", store())).status).toBe(200)
        }
        expect((await api.get("/store/product-categories", store())).status).toBe(200)
        expect(cache().builds("publishable-key")).toBe(before + 1)
      })

      it("refuses a revoked key on the very next request, on any /store route", async () => {
        const key = await newKey()
        expect((await api.get("/store/catalog", withKey(key.token))).status).toBe(200)
        expect((await api.get("/store/product-categories", withKey(key.token))).status).toBe(200)

        await api.post(`/admin/api-keys/${key.id}/revoke`, {}, admin)
        for (const path of ["/store/catalog", "/store/product-categories", "/store/products"]) {
          const refused = await api.get(path, withKey(key.token))
          expect(refused.status).toBe(400)
          expect(refused.data.message).toBe("A valid publishable key is required to proceed with the request")
        }
        // The store's own key is untouched.
        expect((await api.get("/store/catalog", store())).status).toBe(200)
      })

      it("follows a change of the key's sales channels on the very next request", async () => {
        const key = await newKey()
        expect((await api.get("/store/catalog", withKey(key.token))).data.courses).toHaveLength(15)
        await api.post(`/admin/api-keys/${key.id}/sales-channels`, { remove: [key.channelId] }, admin)
        const refused = await api.get("/store/catalog", withKey(key.token))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("Publishable key needs to have a sales channel configured")
      })

      it("answers an unknown or missing key as Medusa does, and keeps no made-up key", async () => {
        const before = cache().builds("publishable-key")
        for (const token of ["pk_made_up_1", "pk_made_up_1", "pk_made_up_2"]) {
          const refused = await api.get("/store/catalog", withKey(token))
          expect(refused.status).toBe(400)
          expect(refused.data.message).toBe("A valid publishable key is required to proceed with the request")
        }
        // Looked up each time: nothing was kept for them.
        expect(cache().builds("publishable-key")).toBe(before + 3)
        const missing = await api.get("/store/catalog", { validateStatus: () => true })
        expect(missing.status).toBe(400)
        expect(missing.data.message).toMatch(
          /^Publishable API key required in the request header: x-publishable-api-key/
        )
      })
    })
  },
})
