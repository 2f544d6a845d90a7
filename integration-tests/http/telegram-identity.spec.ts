import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type CourseAccessModuleService from "../../plugins/course-access/src/modules/course-access/service"
import { ADMIN_CHAT_ID, useBotApiDouble } from "../helpers/bot-api"
import { until } from "../helpers/until"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import telegramAccountsFromLogins from "../../plugins/telegram/src/migration-scripts/telegram-accounts-from-logins"
import { failed } from "../helpers/http"
import { signInShopper } from "../helpers/shopper"

jest.setTimeout(180_000)

const bot = useBotApiDouble(19_700)

const ADMIN = { email: "identity@aistore.test", password: "a long enough password" }
const COURSE_URL = "https://learn.example.test/identity-course"
const VICTIM = { id: 8_100_002, username: "victim" }

/**
 * Issue #11, hole 1: a shopper rewrote `metadata.telegram` through the stock store API, and the
 * course's private message went to another person while the sale message named them.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let config: StorefrontConfig
    let admin: { headers: Record<string, string> }
    let course: { id: string; variantId: string; title: string }

    const store = (token?: string) => ({
      headers: {
        "x-publishable-api-key": config.publishable_key,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    })

    const login = (user: { id: number; first_name: string } & Record<string, unknown>) => signInShopper(api, user)

    /** A free course: the order is placed and granted at once, no payment step. */
    const buy = async (token: string) => {
      const { data: created } = await api.post("/store/carts", { region_id: config.region_id }, store(token))
      await api.post(
        `/store/carts/${created.cart.id}/line-items`,
        { variant_id: course.variantId, quantity: 1 },
        store(token)
      )
      const { data } = await api.post(`/store/carts/${created.cart.id}/complete`, {}, store(token))
      expect(data.type).toBe("order")
      return data.order as { id: string; display_id: number }
    }

    const messagesTo = (chatId: number | string) =>
      bot.api().delivered.filter((message) => String(message.chatId) === String(chatId))

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: false })
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      const { data: adminLogin } = await api.post("/auth/user/emailpass", ADMIN)
      admin = { headers: { authorization: `Bearer ${adminLogin.token}` } }
      config = (await api.get("/storefront/config")).data

      const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
      const { data } = await api.post(
        "/admin/products",
        {
          title: "Курс для проверки личности",
          status: "published",
          options: [{ title: "Доступ", values: ["Полный доступ"] }],
          variants: [
            {
              title: "Полный доступ",
              manage_inventory: false,
              options: { Доступ: "Полный доступ" },
              prices: [{ currency_code: "rub", amount: 0 }],
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        },
        admin
      )
      course = { id: data.product.id, variantId: data.product.variants[0].id, title: data.product.title }
      await api.post(`/admin/products/${course.id}/course-access`, { access_url: COURSE_URL }, admin)
    })

    beforeEach(() => bot.api().reset())

    it("refuses metadata.telegram on the store's customer routes with 400, and keeps other metadata", async () => {
      const token = await login({
        id: 8_100_001,
        first_name: "Покупатель",
        username: "buyer_one",
        allows_write_to_pm: true,
      })
      for (const metadata of [
        { telegram: VICTIM },
        { Telegram: VICTIM },
        { telegram: "" },
        { note: "x", telegram: null },
      ]) {
        const response = await failed(api.post("/store/customers/me", { metadata }, store(token)))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain("metadata.telegram")
      }
      const created = await failed(
        api.post("/store/customers", { email: "x@example.ru", metadata: { telegram: VICTIM } }, store(token))
      )
      expect(created.status).toBe(400)

      const { data } = await api.post("/store/customers/me", { metadata: { note: "любит курсы" } }, store(token))
      expect(data.customer.metadata).toEqual({ note: "любит курсы" })
    })

    it("delivers to the verified Telegram account and names it in the sale message, whatever the metadata says", async () => {
      const token = await login({
        id: 8_100_003,
        first_name: "Настоящий",
        username: "real_buyer",
        allows_write_to_pm: true,
      })
      const { data: me } = await api.get("/store/customers/me", store(token))
      // As if the forged key had been written before the route refused it (or by any other path).
      await dbConnection.raw(`UPDATE customer SET metadata = ?::jsonb WHERE id = ?`, [
        JSON.stringify({ telegram: { ...VICTIM, first_name: "Жертва", allows_write_to_pm: true } }),
        me.customer.id,
      ])

      const order = await buy(token)
      await until(() => (messagesTo(8_100_003).length ? true : undefined), "the buyer's course message")
      expect(messagesTo(8_100_003)[0].text).toContain(COURSE_URL)
      const [sale] = await until(
        () => (messagesTo(ADMIN_CHAT_ID).length ? messagesTo(ADMIN_CHAT_ID) : undefined),
        "the sale message"
      )
      expect(sale.text).toContain(`Новый заказ №${order.display_id}`)
      expect(sale.text).toContain("(@real_buyer)")
      expect(sale.text).not.toContain("victim")
      expect(messagesTo(VICTIM.id)).toEqual([])

      const { data: courses } = await api.get("/store/customers/me/courses", store(token))
      expect(courses.courses).toHaveLength(1)
      const [access] = await getContainer()
        .resolve<CourseAccessModuleService>("course_access")
        .listCourseAccesses({ order_id: order.id })
      expect(access.telegram_user_id).toBe("8100003")
    })

    it("shows the admin the verified account on the customer", async () => {
      const token = await login({ id: 8_100_004, first_name: "Ольга", username: "olga_v", allows_write_to_pm: false })
      const { data: me } = await api.get("/store/customers/me", store(token))
      const { data } = await api.get(`/admin/customers/${me.customer.id}?fields=id,*telegram_account`, admin)
      expect(data.customer.telegram_account).toMatchObject({
        telegram_user_id: "8100004",
        username: "olga_v",
        first_name: "Ольга",
        allows_write_to_pm: false,
      })
      expect(me.customer.metadata?.telegram).toBeUndefined()
    })

    it("links the sale message by id only when the id is a safe integer, and escapes the name", async () => {
      const token = await login({ id: 8_100_005, first_name: "<b>Имя</b>", allows_write_to_pm: true })
      const order = await buy(token)
      const [sale] = await until(
        () => (messagesTo(ADMIN_CHAT_ID).length ? messagesTo(ADMIN_CHAT_ID) : undefined),
        "the sale message"
      )
      expect(sale.text).toContain(`Новый заказ №${order.display_id}`)
      expect(sale.source).toContain(`<a href="tg://user?id=8100005">&lt;b&gt;Имя&lt;/b&gt;</a>`)
    })

    it("records, once, the account of a customer who signed in before the module existed, from the login alone", async () => {
      const token = await login({
        id: 8_100_006,
        first_name: "Давний",
        username: "old_timer",
        allows_write_to_pm: true,
      })
      const { data: me } = await api.get("/store/customers/me", store(token))
      // As before this change: no account row, and whatever the shopper put into the metadata.
      await dbConnection.raw(`DELETE FROM telegram_account WHERE customer_id = ?`, [me.customer.id])
      await dbConnection.raw(`UPDATE customer SET metadata = ?::jsonb WHERE id = ?`, [
        JSON.stringify({ telegram: { ...VICTIM, first_name: "Жертва" } }),
        me.customer.id,
      ])

      expect(await telegramAccountsFromLogins({ container: getContainer() })).toBeGreaterThanOrEqual(1)
      const { data } = await api.get(`/admin/customers/${me.customer.id}?fields=id,*telegram_account`, admin)
      expect(data.customer.telegram_account).toMatchObject({ telegram_user_id: "8100006", username: "old_timer" })
      expect(await telegramAccountsFromLogins({ container: getContainer() })).toBe(0)
    })
  },
})
