import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createTranslationsWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import deliverCourseAccessJob from "../../plugins/course-access/src/jobs/deliver-course-access"
import revokeCourseAccessOnRefund from "../../plugins/course-access/src/subscribers/course-access-payment-refunded"
import { grantAndDeliverCourseAccess } from "../../plugins/course-access/src/delivery/grant-and-deliver"
import { readEnvironment } from "../../src/config/environment"
import { useBotApiDouble } from "../helpers/bot-api"
import { until } from "../helpers/until"
import { useYookassaSandbox } from "../helpers/yookassa-sandbox"
import { prepareStore, type StorefrontConfig } from "../helpers/store-setup"
import { errorResponse, failed } from "../helpers/http"
import { signInShopper } from "../helpers/shopper"

jest.setTimeout(240_000)

const bot = useBotApiDouble(19_600)
const yookassa = useYookassaSandbox(19_650)
const { webhookSecret } = readEnvironment().telegram

const ADMIN = { email: "courses@aistore.test", password: "a long enough password" }
const COURSE_CHAT = "-1001111111111"
/** How late the Bot API double answers an approval in the join-request race (within the bot's 10 s timeout). */
const SLOW_APPROVAL_MS = 6_000
/** Markers that must never appear in a store product or cart response. */
const SECRET_URL = "https://learn.example.test/secret-course-room"
const SECRET_INSTRUCTIONS = "Пароль к уроку: сова-42"

type Course = { id: string; variantId: string; title: string; price: number }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let config: StorefrontConfig
    let admin: { headers: Record<string, string> }
    let channelCourse: Course
    let urlCourse: Course
    let freeCourse: Course
    let nextTelegramId = 7_000_001

    const store = (token?: string) => ({
      headers: {
        "x-publishable-api-key": config.publishable_key,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    })

    /** A new shopper signed in from the Mini App; returns their token and Telegram id. */
    const shopper = async (allowsWrite = true) => {
      const id = nextTelegramId++
      const token = await signInShopper(api, { id, first_name: `Покупатель ${id}`, allows_write_to_pm: allowsWrite })
      return { token, telegramId: id }
    }

    const createCourse = async (title: string, price: number, salesChannelId: string): Promise<Course> => {
      const { data } = await api.post(
        "/admin/products",
        {
          title,
          status: "published",
          options: [{ title: "Доступ", values: ["Полный доступ"] }],
          variants: [
            {
              title: "Полный доступ",
              manage_inventory: false,
              options: { Доступ: "Полный доступ" },
              prices: [{ currency_code: "rub", amount: price }],
            },
          ],
          sales_channels: [{ id: salesChannelId }],
        },
        admin
      )
      return { id: data.product.id, variantId: data.product.variants[0].id, title, price }
    }

    const newCart = async (token: string) =>
      (await api.post("/store/carts", { region_id: config.region_id, email: "buyer@example.ru" }, store(token))).data
        .cart.id as string

    const addToCart = (cartId: string, course: Course, token: string, quantity = 1) =>
      api.post(`/store/carts/${cartId}/line-items`, { variant_id: course.variantId, quantity }, store(token))

    /** Checkout through the system provider: the payment is authorized, not captured. */
    const buy = async (token: string, courses: Course[]) => {
      const cartId = await newCart(token)
      for (const course of courses) {
        await addToCart(cartId, course, token)
      }
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store(token))
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        store(token)
      )
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, store(token))
      expect(data.type).toBe("order")
      return data.order as { id: string; total: number }
    }

    const paymentOf = async (orderId: string): Promise<string> => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin)
      return data.order.payment_collections[0].payments[0].id
    }
    const capture = async (orderId: string) =>
      api.post(`/admin/payments/${await paymentOf(orderId)}/capture`, {}, admin)
    const refund = async (orderId: string, amount?: number) =>
      api.post(`/admin/payments/${await paymentOf(orderId)}/refund`, amount ? { amount } : {}, admin)

    const myCourses = async (token: string) =>
      (await api.get("/store/customers/me/courses", store(token))).data.courses as any[]
    const coursesWhen = (token: string, what: string, test: (courses: any[]) => boolean) =>
      until(async () => {
        const courses = await myCourses(token)
        return test(courses) ? courses : undefined
      }, what)

    const orderWidget = async (orderId: string) => (await api.get(`/admin/orders/${orderId}/course-access`, admin)).data

    const callsOf = (method: string) => bot.api().calls.filter((call) => call.method === method)
    const messagesTo = (telegramId: number) =>
      bot.api().delivered.filter((message) => String(message.chatId) === String(telegramId))

    const joinRequest = (telegramId: number, inviteLink: string | null, updateId: number) =>
      api.post(
        "/hooks/telegram",
        JSON.stringify({
          update_id: updateId,
          chat_join_request: {
            chat: { id: Number(COURSE_CHAT), type: "supergroup", title: "Курс" },
            from: { id: telegramId, is_bot: false, first_name: "Гость" },
            user_chat_id: telegramId,
            date: Math.floor(Date.now() / 1000),
            ...(inviteLink
              ? {
                  invite_link: {
                    invite_link: inviteLink,
                    creates_join_request: true,
                    is_primary: false,
                    is_revoked: false,
                  },
                }
              : {}),
          },
        }),
        {
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": webhookSecret },
          transformRequest: (data: unknown) => data,
        }
      )

    /**
     * Runs what the order's events run (order.placed, payment.captured), to the end, before
     * asserting that nothing was granted: the decision is checked, not a subscriber's timing.
     * The workflow holds a lock per order, so it also waits for a subscriber run in flight.
     */
    const granted = (orderId: string) => grantAndDeliverCourseAccess(getContainer(), orderId)

    beforeAll(async () => {
      const container = getContainer()
      await prepareStore(container, { seed: false, manualPayments: true })
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
      yookassa.sandbox().setWebhookUrl(`${(api as any).defaults.baseURL}/hooks/payment/yookassa_yookassa`)
      const { data: login } = await api.post("/auth/user/emailpass", ADMIN)
      admin = { headers: { authorization: `Bearer ${login.token}` } }
      config = (await api.get("/storefront/config")).data

      const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
      channelCourse = await createCourse("Агенты на LLM", 1000, salesChannel.id)
      urlCourse = await createCourse("Промпт-инжиниринг", 500, salesChannel.id)
      freeCourse = await createCourse("Введение в нейросети", 0, salesChannel.id)
      await api.post(
        `/admin/products/${channelCourse.id}/course-access`,
        { access_url: SECRET_URL, telegram_chat_id: COURSE_CHAT, instructions: SECRET_INSTRUCTIONS },
        admin
      )
      await api.post(`/admin/products/${urlCourse.id}/course-access`, { access_url: `${SECRET_URL}/2` }, admin)
      await api.post(`/admin/products/${freeCourse.id}/course-access`, { access_url: `${SECRET_URL}/free` }, admin)
    })

    beforeEach(() => bot.api().reset())

    it("grants a paid course once captured: listed, one private message, one join-request link", async () => {
      const buyer = await shopper()
      const order = await buy(buyer.token, [channelCourse])
      expect(await granted(order.id)).toBe(0)
      expect(await myCourses(buyer.token)).toEqual([])

      await capture(order.id)
      // Access is granted first and the chat's link saved just after (a Telegram outage must not hold
      // the grant back): wait for both.
      const [course] = await coursesWhen(
        buyer.token,
        "the course with its join link",
        (courses) => courses.length === 1 && Boolean(courses[0].telegram?.join_link)
      )
      expect(course).toMatchObject({
        product_id: channelCourse.id,
        order_id: order.id,
        title: channelCourse.title,
        access_url: SECRET_URL,
        instructions: SECRET_INSTRUCTIONS,
        telegram: { join_link: expect.stringMatching(/^https:\/\/t\.me\/\+/), joined: false },
      })

      const [message] = await until(
        () => (messagesTo(buyer.telegramId).length ? messagesTo(buyer.telegramId) : undefined),
        "the message"
      )
      expect(message.text).toContain(`Доступ к курсу «${channelCourse.title}» открыт`)
      expect(message.text).toContain(SECRET_URL)
      expect(message.text).toContain(course.telegram.join_link)
      expect(message.text).toContain(SECRET_INSTRUCTIONS)

      const links = callsOf("createChatInviteLink")
      expect(links).toHaveLength(1)
      expect(links[0].params).toMatchObject({ chat_id: COURSE_CHAT, creates_join_request: true })

      // A second capture event (or order.placed arriving late) grants and sends nothing more.
      expect(await granted(order.id)).toBe(0)
      expect(messagesTo(buyer.telegramId)).toHaveLength(1)
      expect(callsOf("createChatInviteLink")).toHaveLength(1)
      expect(await myCourses(buyer.token)).toHaveLength(1)
    })

    it("grants a course paid through Yookassa the moment the payment clears, and a full refund there takes it back", async () => {
      const buyer = await shopper()
      const cartId = await newCart(buyer.token)
      await addToCart(cartId, urlCourse, buyer.token)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store(buyer.token))
      const { data } = await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_yookassa_yookassa" },
        store(buyer.token)
      )
      const paymentId = data.payment_collection.payment_sessions[0].data.id
      await yookassa.sandbox().pay(paymentId)

      const [course] = await coursesWhen(
        buyer.token,
        "the course paid through Yookassa",
        (courses) => courses.length === 1
      )
      expect(course.product_id).toBe(urlCourse.id)
      await until(() => (messagesTo(buyer.telegramId).length ? true : undefined), "the buyer's message")

      await refund(course.order_id)
      expect(yookassa.sandbox().refunds(paymentId)).toEqual([
        expect.objectContaining({ amount: { value: "500.00", currency: "RUB" } }),
      ])
      await coursesWhen(buyer.token, "the course to be taken back", (courses) => courses.length === 0)
    })

    it("approves the owner's join request and declines a stranger's, even with the owner's link", async () => {
      const buyer = await shopper()
      const stranger = await shopper()
      const order = await buy(buyer.token, [channelCourse])
      await capture(order.id)
      const [course] = await coursesWhen(buyer.token, "the link", (courses) => Boolean(courses[0]?.telegram?.join_link))

      await joinRequest(stranger.telegramId, course.telegram.join_link, 900_001)
      await until(() => (callsOf("declineChatJoinRequest").length ? true : undefined), "the decline")
      expect(callsOf("declineChatJoinRequest")[0].params).toMatchObject({
        chat_id: COURSE_CHAT,
        user_id: stranger.telegramId,
      })

      await joinRequest(buyer.telegramId, course.telegram.join_link, 900_002)
      await until(() => (callsOf("approveChatJoinRequest").length ? true : undefined), "the approval")
      expect(callsOf("approveChatJoinRequest")[0].params).toMatchObject({
        chat_id: COURSE_CHAT,
        user_id: buyer.telegramId,
      })
      expect(callsOf("approveChatJoinRequest")).toHaveLength(1)
      await coursesWhen(buyer.token, "joined", (courses) => courses[0]?.telegram?.joined === true)
    })

    it("lists course titles in the shopper's language", async () => {
      await createTranslationsWorkflow(getContainer()).run({
        input: {
          translations: [
            {
              reference: "product",
              reference_id: freeCourse.id,
              locale_code: "en-US",
              translations: { title: "Intro to neural networks" },
            },
          ],
        },
      })
      const buyer = await shopper()
      await buy(buyer.token, [freeCourse])
      await coursesWhen(buyer.token, "the free course", (courses) => courses.length === 1)
      const english = (await api.get("/store/customers/me/courses?locale=en-US", store(buyer.token))).data.courses
      expect(english.map((course: any) => course.title)).toEqual(["Intro to neural networks"])
      expect((await myCourses(buyer.token)).map((course) => course.title)).toEqual([freeCourse.title])
    })

    it("shows a customer only their own courses", async () => {
      const buyer = await shopper()
      const other = await shopper()
      await buy(buyer.token, [freeCourse])
      await coursesWhen(buyer.token, "the free course", (courses) => courses.length === 1)
      expect(await myCourses(other.token)).toEqual([])

      const anonymous = await failed(api.get("/store/customers/me/courses", store()))
      expect(anonymous.status).toBe(401)
      const withParams = await failed(api.get(`/store/customers/me/courses?customer_id=x`, store(other.token)))
      expect(withParams.status).toBe(400)
    })

    it("grants nothing for an unpaid cart, an authorized-only order or a canceled one", async () => {
      const buyer = await shopper()
      const cartId = await newCart(buyer.token)
      await addToCart(cartId, urlCourse, buyer.token)

      const authorized = await buy(buyer.token, [channelCourse])
      expect(await granted(authorized.id)).toBe(0)
      expect(await myCourses(buyer.token)).toEqual([])
      expect((await orderWidget(authorized.id)).accesses).toEqual([])

      await api.post(`/admin/orders/${authorized.id}/cancel`, {}, admin)
      expect(await granted(authorized.id)).toBe(0)
      expect(await myCourses(buyer.token)).toEqual([])
      expect(callsOf("createChatInviteLink")).toHaveLength(0)
      expect(messagesTo(buyer.telegramId)).toHaveLength(0)
    })

    it("grants a zero-total order at once, without a capture", async () => {
      const buyer = await shopper()
      const order = await buy(buyer.token, [freeCourse])
      expect(order.total).toBe(0)
      const [course] = await coursesWhen(buyer.token, "the free course", (courses) => courses.length === 1)
      expect(course).toMatchObject({ product_id: freeCourse.id, access_url: `${SECRET_URL}/free`, telegram: null })
      await until(() => (messagesTo(buyer.telegramId).length ? true : undefined), "the message")
    })

    it("refuses an owned course, a course twice and a quantity above 1 with 400 and a message", async () => {
      const buyer = await shopper()
      await buy(buyer.token, [freeCourse])
      await coursesWhen(buyer.token, "the free course", (courses) => courses.length === 1)

      const cartId = await newCart(buyer.token)
      const owned = await failed(addToCart(cartId, freeCourse, buyer.token))
      expect(owned.status).toBe(400)
      expect(owned.data.message).toBe("You already own this course: it is in My courses.")

      const twoAtOnce = await failed(addToCart(cartId, urlCourse, buyer.token, 2))
      expect(twoAtOnce.status).toBe(400)
      expect(twoAtOnce.data.message).toBe("A course is bought once: its quantity in the cart is always 1.")

      const { data } = await addToCart(cartId, urlCourse, buyer.token)
      const again = await failed(addToCart(cartId, urlCourse, buyer.token))
      expect(again.status).toBe(400)
      expect(again.data.message).toBe("This course is already in your cart.")

      const lineId = data.cart.items[0].id
      const raised = await failed(
        api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 3 }, store(buyer.token))
      )
      expect(raised.status).toBe(400)
      expect(raised.data.message).toBe("A course is bought once: its quantity in the cart is always 1.")

      const inCreation = await failed(
        api.post(
          "/store/carts",
          { region_id: config.region_id, items: [{ variant_id: urlCourse.variantId, quantity: 2 }] },
          store(buyer.token)
        )
      )
      expect(inCreation.status).toBe(400)
    })

    it("refuses at checkout a cart whose course the customer came to own meanwhile", async () => {
      const buyer = await shopper()
      const cartId = await newCart(buyer.token)
      await addToCart(cartId, freeCourse, buyer.token)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store(buyer.token))
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        store(buyer.token)
      )
      await buy(buyer.token, [freeCourse])
      await coursesWhen(buyer.token, "the free course", (courses) => courses.length === 1)

      const response = await failed(api.post(`/store/carts/${cartId}/complete`, {}, store(buyer.token)))
      expect(response.status).toBe(400)
      expect(response.data.message).toBe("You already own this course: it is in My courses.")
      // A new payment for it is refused at the door too.
      const again = await failed(
        api.post(
          `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          store(buyer.token)
        )
      )
      expect(again.status).toBe(400)
      expect(again.data.message).toBe("You already own this course: it is in My courses.")
    })

    it("takes everything back on a full refund: gone from the list, link revoked, member removed", async () => {
      const buyer = await shopper()
      const order = await buy(buyer.token, [channelCourse])
      await capture(order.id)
      const [course] = await coursesWhen(buyer.token, "the link", (courses) => Boolean(courses[0]?.telegram?.join_link))
      await joinRequest(buyer.telegramId, course.telegram.join_link, 900_101)
      await coursesWhen(buyer.token, "joined", (courses) => courses[0]?.telegram?.joined === true)

      await refund(order.id)
      await coursesWhen(buyer.token, "the course gone", (courses) => courses.length === 0)
      await until(() => (callsOf("unbanChatMember").length ? true : undefined), "the removal")
      expect(callsOf("revokeChatInviteLink")[0].params).toMatchObject({
        chat_id: COURSE_CHAT,
        invite_link: course.telegram.join_link,
      })
      expect(callsOf("banChatMember")[0].params).toMatchObject({ chat_id: COURSE_CHAT, user_id: buyer.telegramId })
      expect(callsOf("unbanChatMember")[0].params).toMatchObject({
        chat_id: COURSE_CHAT,
        user_id: buyer.telegramId,
        only_if_banned: true,
      })
      const widget = await orderWidget(order.id)
      expect(widget.accesses[0]).toMatchObject({ status: "revoked", revoke_reason: "refund" })

      // Gone for good: a later join request is declined.
      await joinRequest(buyer.telegramId, null, 900_102)
      await until(() => (callsOf("declineChatJoinRequest").length ? true : undefined), "the decline")
    })

    it("a refund while the join request is being approved still removes the buyer from the chat", async () => {
      const buyer = await shopper()
      const order = await buy(buyer.token, [channelCourse])
      await capture(order.id)
      const [course] = await coursesWhen(buyer.token, "the link", (courses) => Boolean(courses[0]?.telegram?.join_link))

      // Telegram takes its time to approve; meanwhile the refund revokes the access and releases the chat.
      bot.api().failNext({ kind: "slow", ms: SLOW_APPROVAL_MS, method: "approveChatJoinRequest" })
      await joinRequest(buyer.telegramId, course.telegram.join_link, 900_151)
      await until(() => (callsOf("approveChatJoinRequest").length ? true : undefined), "the approval asked for")
      await refund(order.id)
      await until(() => (callsOf("revokeChatInviteLink").length ? true : undefined), "the link revoked")

      // The approval lands after the release: the buyer, let in after all, is taken out again.
      await until(
        () => (callsOf("unbanChatMember").length ? true : undefined),
        "the removal",
        SLOW_APPROVAL_MS + 20_000
      )
      const approved = callsOf("approveChatJoinRequest")[0]
      expect(approved.status).toBe(200)
      // The case under test: the chat was released while the approval was still unanswered.
      expect(callsOf("revokeChatInviteLink")[0].at).toBeLessThan(approved.at + SLOW_APPROVAL_MS)
      expect(callsOf("banChatMember")[0].params).toMatchObject({ chat_id: COURSE_CHAT, user_id: buyer.telegramId })
    })

    it("takes back only the course the merchant chooses after a partial refund", async () => {
      const buyer = await shopper()
      const order = await buy(buyer.token, [channelCourse, urlCourse])
      await capture(order.id)
      await coursesWhen(buyer.token, "both courses", (courses) => courses.length === 2)

      await refund(order.id, urlCourse.price)
      // What the refund event runs, run to the end: a partial refund takes nothing by itself.
      await revokeCourseAccessOnRefund({
        event: { name: "payment.refunded", data: { id: await paymentOf(order.id) } },
        container: getContainer(),
      } as never)
      expect(await myCourses(buyer.token)).toHaveLength(2)
      const widget = await orderWidget(order.id)
      expect(widget.payments).toEqual({ captured: 1500, refunded: 500, partially_refunded: true })
      const chosen = widget.accesses.find((access: any) => access.product_id === urlCourse.id)

      const notOfOrder = await failed(
        api.post(`/admin/orders/${order.id}/course-access/revoke`, { access_ids: ["cacc_unknown"] }, admin)
      )
      expect(notOfOrder.status).toBe(400)
      const empty = await failed(api.post(`/admin/orders/${order.id}/course-access/revoke`, { access_ids: [] }, admin))
      expect(empty.status).toBe(400)

      const { data } = await api.post(
        `/admin/orders/${order.id}/course-access/revoke`,
        { access_ids: [chosen.id] },
        admin
      )
      expect(data.revoked).toEqual([chosen.id])
      const left = await myCourses(buyer.token)
      expect(left.map((course) => course.product_id)).toEqual([channelCourse.id])

      // A later event for the order does not bring the chosen course back.
      expect(await granted(order.id)).toBe(0)
      expect(await myCourses(buyer.token)).toHaveLength(1)
    })

    it("revokes every course of a canceled order", async () => {
      const buyer = await shopper()
      const order = await buy(buyer.token, [freeCourse])
      await coursesWhen(buyer.token, "the free course", (courses) => courses.length === 1)
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      await coursesWhen(buyer.token, "the course gone", (courses) => courses.length === 0)
      expect((await orderWidget(order.id)).accesses[0]).toMatchObject({ status: "revoked", revoke_reason: "canceled" })
    })

    it("keeps the course when the bot may not write (403 or not allowed) and shows the merchant why", async () => {
      const blocked = await shopper()
      bot.api().failNext({ kind: "forbidden", method: "sendMessage", chatId: blocked.telegramId })
      const order = await buy(blocked.token, [freeCourse])
      await coursesWhen(blocked.token, "the free course", (courses) => courses.length === 1)
      const failure = await until(async () => {
        const [access] = (await orderWidget(order.id)).accesses
        return access?.message.status === "failed" ? access.message : undefined
      }, "the failure in the order widget")
      expect(failure.error).toContain("Forbidden")

      const silent = await shopper(false)
      const other = await buy(silent.token, [freeCourse])
      await coursesWhen(silent.token, "the free course", (courses) => courses.length === 1)
      const [access] = (await orderWidget(other.id)).accesses
      expect(access.message).toEqual({ status: "not_allowed", error: null })
      expect(messagesTo(silent.telegramId)).toHaveLength(0)
    })

    it("hands over later what Telegram could not take at the time (the delivery job)", async () => {
      bot.api().failNext({ kind: "server_error", method: "createChatInviteLink" })
      const buyer = await shopper()
      const order = await buy(buyer.token, [channelCourse])
      await capture(order.id)
      const [course] = await coursesWhen(buyer.token, "the course", (courses) => courses.length === 1)
      expect(course.telegram).toEqual({ join_link: null, joined: false })
      await until(() => (callsOf("createChatInviteLink").length ? true : undefined), "the failed attempt at a link")
      expect(messagesTo(buyer.telegramId)).toHaveLength(0)
      expect((await orderWidget(order.id)).accesses[0].message.status).toBe("pending")

      await dbConnection.raw(`UPDATE course_access SET granted_at = now() - interval '5 minutes' WHERE order_id = ?`, [
        order.id,
      ])
      // The scheduled run may get there first; either way the access is delivered exactly once.
      await deliverCourseAccessJob(getContainer())
      expect((await myCourses(buyer.token))[0].telegram.join_link).toMatch(/^https:\/\/t\.me\/\+/)
      expect(messagesTo(buyer.telegramId)).toHaveLength(1)
      expect(await deliverCourseAccessJob(getContainer())).toMatchObject({ delivered: 0 })
    })

    it("grants an order whose capture event never reached the subscriber (the delivery job)", async () => {
      const buyer = await shopper()
      const order = await buy(buyer.token, [urlCourse])
      await capture(order.id)
      await coursesWhen(buyer.token, "the course", (courses) => courses.length === 1)
      // As if the event had been lost: no access, and the capture past the grace period.
      await dbConnection.raw(`DELETE FROM course_access WHERE order_id = ?`, [order.id])
      await dbConnection.raw(`UPDATE payment SET captured_at = now() - interval '5 minutes' WHERE id = ?`, [
        await paymentOf(order.id),
      ])
      expect(await myCourses(buyer.token)).toEqual([])

      await deliverCourseAccessJob(getContainer())
      expect((await myCourses(buyer.token)).map((course) => course.product_id)).toEqual([urlCourse.id])
      expect(await deliverCourseAccessJob(getContainer())).toMatchObject({ granted: 0 })
    })

    it("grants a free order whose order.placed event never reached the subscriber (the delivery job)", async () => {
      const buyer = await shopper()
      const order = await buy(buyer.token, [freeCourse])
      await coursesWhen(buyer.token, "the free course", (courses) => courses.length === 1)
      // As if the event had been lost: no access, and the order past the grace period.
      await dbConnection.raw(`DELETE FROM course_access WHERE order_id = ?`, [order.id])
      await dbConnection.raw(`UPDATE "order" SET created_at = now() - interval '5 minutes' WHERE id = ?`, [order.id])
      expect(await myCourses(buyer.token)).toEqual([])

      await deliverCourseAccessJob(getContainer())
      expect((await myCourses(buyer.token)).map((course) => course.product_id)).toEqual([freeCourse.id])
      expect(await deliverCourseAccessJob(getContainer())).toMatchObject({ granted: 0 })
    })

    it("never puts access data into store product or cart responses", async () => {
      const buyer = await shopper()
      const secrets = [SECRET_URL, SECRET_INSTRUCTIONS, COURSE_CHAT]
      const leaks = (body: unknown) => secrets.filter((secret) => JSON.stringify(body).includes(secret))

      const responses: unknown[] = []
      const catalogue = `/store/products?region_id=${config.region_id}&fields=*variants.calculated_price,+metadata`
      responses.push((await api.get(catalogue, store())).data)
      responses.push((await api.get(`/store/products/${channelCourse.id}?fields=+metadata`, store(buyer.token))).data)
      for (const field of ["*course_access_config", "+course_access_config.access_url", "+metadata.course_access"]) {
        const response = await api
          .get(`/store/products/${channelCourse.id}?fields=${encodeURIComponent(field)}`, store())
          .catch(errorResponse)
        expect(response.status).toBeLessThan(500)
        responses.push(response.data)
      }
      const cartId = await newCart(buyer.token)
      responses.push((await addToCart(cartId, channelCourse, buyer.token)).data)
      const cart = `/store/carts/${cartId}?fields=*items,*items.product,+items.product.metadata`
      responses.push((await api.get(cart, store(buyer.token))).data)
      for (const response of responses) {
        expect(leaks(response)).toEqual([])
      }
    })

    it("edits a course's access data in the admin only, validated", async () => {
      const path = `/admin/products/${urlCourse.id}/course-access`
      expect((await failed(api.get(path))).status).toBe(401)
      expect((await failed(api.get(path, store((await shopper()).token)))).status).toBe(401)
      expect((await api.get(path, admin)).data.course_access).toEqual({
        access_url: `${SECRET_URL}/2`,
        telegram_chat_id: null,
        instructions: null,
      })
      for (const body of [
        { access_url: "javascript:alert(1)" },
        { telegram_chat_id: "@channel" },
        { surprise: true },
      ]) {
        const response = await failed(api.post(path, body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toEqual(expect.any(String))
      }
      expect((await failed(api.get("/admin/products/prod_missing/course-access", admin))).status).toBe(404)
      expect((await failed(api.get("/admin/orders/order_missing/course-access", admin))).status).toBe(404)
    })
  },
})
