import { startYookassaSandbox, type YookassaSandbox } from "../index"
import {
  basicAuth,
  call,
  createPayment,
  newKey,
  paymentBody,
  receipt,
  RETURN_URL,
  SECRET_KEY,
  SHOP_ID,
  startWebhookReceiver,
  waitFor,
  type WebhookReceiver,
} from "./helpers"

describe("Yookassa sandbox", () => {
  let sandbox: YookassaSandbox
  let webhook: WebhookReceiver

  beforeEach(async () => {
    webhook = await startWebhookReceiver()
    sandbox = await startYookassaSandbox({ shopId: SHOP_ID, secretKey: SECRET_KEY, webhookUrl: webhook.url })
  })

  afterEach(async () => {
    await sandbox.stop()
    await webhook.close()
  })

  describe("start", () => {
    it("listens on a free loopback port and names its API URL", () => {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(sandbox.apiUrl).toBe(`${sandbox.url}/v3`)
    })

    it("refuses to start under NODE_ENV=production", async () => {
      const previous = process.env.NODE_ENV
      process.env.NODE_ENV = "production"
      try {
        await expect(startYookassaSandbox({ shopId: SHOP_ID, secretKey: SECRET_KEY })).rejects.toThrow(
          /development tool/
        )
      } finally {
        process.env.NODE_ENV = previous
      }
    })
  })

  describe("authentication", () => {
    it.each([
      ["no Authorization header", null],
      ["a wrong secret key", basicAuth(SHOP_ID, "wrong")],
      ["another shop", basicAuth("1", SECRET_KEY)],
      ["a Bearer token", "Bearer abc"],
    ])("answers 401 invalid_credentials to %s", async (_case, auth) => {
      const answer = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), auth })
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual({
        type: "error",
        id: expect.any(String),
        code: "invalid_credentials",
        description: expect.any(String),
      })
      expect(sandbox.payments()).toHaveLength(0)
    })

    it("checks GET requests too", async () => {
      const payment = await createPayment(sandbox)
      expect((await call(sandbox, "GET", `/v3/payments/${payment.id}`, { auth: null })).status).toBe(401)
      expect((await call(sandbox, "GET", `/v3/payments/${payment.id}`)).status).toBe(200)
    })
  })

  describe("Idempotence-Key", () => {
    it("is required on every POST", async () => {
      const answer = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key: null })
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({ type: "error", code: "invalid_request", parameter: "Idempotence-Key" })
    })

    it("may be at most 64 characters", async () => {
      const answer = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key: "k".repeat(65) })
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({
        code: "invalid_request",
        parameter: "Idempotence-Key",
        description: expect.stringMatching(/too long/),
      })
      expect((await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key: "k".repeat(64) })).status).toBe(
        200
      )
    })

    it("replays the stored answer for the same key and body, however the JSON is laid out", async () => {
      const key = newKey()
      const first = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key })
      const { metadata, amount, ...rest } = paymentBody()
      const reordered = { metadata, ...rest, amount: { currency: amount.currency, value: amount.value } }
      const second = await call(sandbox, "POST", "/v3/payments", { body: reordered, key })

      expect(second.status).toBe(200)
      expect(second.body).toEqual(first.body)
      expect(sandbox.payments()).toHaveLength(1)
    })

    it("replays a refusal too: a 4xx is final for its key", async () => {
      const key = newKey()
      const body = paymentBody({ amount: { value: "-1.00", currency: "RUB" } })
      const first = await call(sandbox, "POST", "/v3/payments", { body, key })
      const second = await call(sandbox, "POST", "/v3/payments", { body, key })
      expect(first.status).toBe(400)
      expect(second).toMatchObject({ status: 400, body: first.body })
    })

    it("refuses the same key with another body", async () => {
      const key = newKey()
      await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key })
      const answer = await call(sandbox, "POST", "/v3/payments", {
        body: paymentBody({ amount: { value: "1.00", currency: "RUB" } }),
        key,
      })
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({
        code: "invalid_request",
        description: "Idempotence key duplicated",
        parameter: "Idempotence-Key",
      })
      expect(sandbox.payments()).toHaveLength(1)
    })

    it("refuses the same key on another method", async () => {
      const payment = await createPayment(sandbox, { capture: false })
      await sandbox.pay(payment.id)
      const key = newKey()
      expect((await call(sandbox, "POST", `/v3/payments/${payment.id}/capture`, { body: {}, key })).status).toBe(200)
      const answer = await call(sandbox, "POST", `/v3/payments/${payment.id}/cancel`, { body: {}, key })
      expect(answer).toMatchObject({ status: 400, body: { parameter: "Idempotence-Key" } })
    })

    it("records every request with its key, body and status", async () => {
      await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key: "record-me" })
      await call(sandbox, "GET", "/v3/payments/nope")
      expect(sandbox.requests).toEqual([
        { method: "POST", path: "/v3/payments", idempotenceKey: "record-me", body: paymentBody(), status: 200 },
        { method: "GET", path: "/v3/payments/nope", status: 404 },
      ])
    })
  })

  describe("creating a payment", () => {
    it("answers the full pending payment, with the confirmation page as confirmation_url", async () => {
      const payment = await createPayment(sandbox, { receipt: receipt() })

      expect(payment).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-000f-5000-8000-[0-9a-f]{12}$/),
        status: "pending",
        paid: false,
        amount: { value: "1500.00", currency: "RUB" },
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        description: "Заказ cart_01",
        metadata: { session_id: "payses_01", cart_id: "cart_01" },
        recipient: { account_id: SHOP_ID, gateway_id: expect.any(String) },
        refundable: false,
        test: true,
        confirmation: {
          type: "redirect",
          return_url: RETURN_URL,
          confirmation_url: `${sandbox.url}/checkout/${payment.id}`,
        },
        receipt_registration: "pending",
      })
      expect(sandbox.payment(payment.id)?.receipt).toEqual(receipt())
    })

    it("normalises amounts to two decimals and defaults capture to false", async () => {
      const payment = await createPayment(sandbox, { amount: { value: "99.5", currency: "RUB" }, capture: undefined })
      expect(payment.amount).toEqual({ value: "99.50", currency: "RUB" })
      await sandbox.pay(payment.id)
      expect(sandbox.payment(payment.id)?.status).toBe("waiting_for_capture")
    })

    it("gives an embedded confirmation a confirmation_token", async () => {
      const payment = await createPayment(sandbox, { confirmation: { type: "embedded" } })
      expect(payment.confirmation).toEqual({ type: "embedded", confirmation_token: `ct-${payment.id}` })
    })

    it("serves a stand-in checkout widget for embedded payments: its script, the form's payment by token, Pay and Decline", async () => {
      expect(sandbox.widgetUrl).toBe(`${sandbox.url}/checkout-widget/v1/checkout-widget.js`)
      const script = await fetch(sandbox.widgetUrl)
      expect(script.headers.get("content-type")).toMatch(/^text\/javascript/)
      expect(await script.text()).toContain("window.YooMoneyCheckoutWidget =")

      const widget = (path: string, method = "GET") =>
        fetch(`${sandbox.url}/checkout-widget/v1/payments/${path}`, { method })
      const paid = await createPayment(sandbox, { confirmation: { type: "embedded" } })
      const token = paid.confirmation.confirmation_token
      const form = await widget(token)
      expect(form.headers.get("access-control-allow-origin")).toBe("*")
      expect(await form.json()).toMatchObject({ status: "pending", amount: paid.amount })
      expect(await (await widget(`${token}/pay`, "POST")).json()).toMatchObject({ status: "succeeded" })
      expect(sandbox.payment(paid.id)?.status).toBe("succeeded")
      await waitFor(
        () => webhook.received.find((note) => note.event === "payment.succeeded"),
        "the payment.succeeded notification"
      )

      const declined = await createPayment(sandbox, { confirmation: { type: "embedded" } })
      expect(await (await widget(`${declined.confirmation.confirmation_token}/decline`, "POST")).json()).toMatchObject({
        status: "canceled",
      })

      // A redirect payment, a made-up token and a GET on an action are not the widget's.
      const redirected = await createPayment(sandbox)
      for (const [path, method] of [
        [`ct-${redirected.id}`, "GET"],
        ["ct-nope", "GET"],
        [redirected.id, "GET"],
        [`${token}/pay`, "GET"],
      ]) {
        expect((await widget(path, method)).status).toBe(404)
      }
    })

    it("builds confirmation_url on publicUrl when one is given", async () => {
      const behindProxy = await startYookassaSandbox({
        shopId: SHOP_ID,
        secretKey: SECRET_KEY,
        publicUrl: "https://pay.local/",
      })
      try {
        const payment = await createPayment(behindProxy)
        expect(payment.confirmation.confirmation_url).toBe(`https://pay.local/checkout/${payment.id}`)
      } finally {
        await behindProxy.stop()
      }
    })

    const longMetadata = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, "v"]))
    it.each([
      ["amount missing", { amount: undefined }, "amount"],
      ["amount as a number", { amount: { value: 1500, currency: "RUB" } }, "amount.value"],
      ["three decimals", { amount: { value: "10.001", currency: "RUB" } }, "amount.value"],
      ["a zero amount", { amount: { value: "0.00", currency: "RUB" } }, "amount.value"],
      ["another currency", { amount: { value: "10.00", currency: "USD" } }, "amount.currency"],
      ["capture as a string", { capture: "true" }, "capture"],
      ["no confirmation", { confirmation: undefined }, "confirmation"],
      ["a redirect without return_url", { confirmation: { type: "redirect" } }, "confirmation.return_url"],
      [
        "a return_url that is not a URL",
        { confirmation: { type: "redirect", return_url: "/relative" } },
        "confirmation.return_url",
      ],
      ["an unsupported confirmation", { confirmation: { type: "qr" } }, "confirmation.type"],
      ["a 129-character description", { description: "x".repeat(129) }, "description"],
      ["17 metadata keys", { metadata: longMetadata }, "metadata"],
      ["a 33-character metadata key", { metadata: { ["k".repeat(33)]: "v" } }, "metadata"],
      ["a metadata value that is not a string", { metadata: { cart_id: 5 } }, "metadata"],
      ["receipt items not adding up", { receipt: receipt("1499.99") }, "receipt.items"],
      ["a receipt without email or phone", { receipt: { ...receipt(), customer: {} } }, "receipt.customer"],
      [
        "a phone with a plus",
        { receipt: { ...receipt(), customer: { phone: "+79001234567" } } },
        "receipt.customer.phone",
      ],
      ["a malformed email", { receipt: { ...receipt(), customer: { email: "buyer" } } }, "receipt.customer.email"],
      ["no receipt items", { receipt: { ...receipt(), items: [] } }, "receipt.items"],
      ["vat_code 13", { receipt: withItem({ vat_code: 13 }) }, "receipt.items[0].vat_code"],
      ["a zero quantity", { receipt: withItem({ quantity: 0 }) }, "receipt.items[0].quantity"],
      [
        "an item without payment_subject",
        { receipt: withItem({ payment_subject: undefined }) },
        "receipt.items[0].payment_subject",
      ],
      ["an unknown payment_mode", { receipt: withItem({ payment_mode: "gift" }) }, "receipt.items[0].payment_mode"],
      ["tax_system_code 7", { receipt: receipt("1500.00", { tax_system_code: 7 }) }, "receipt.tax_system_code"],
    ])("refuses %s with 400 naming %p", async (_case, overrides, parameter) => {
      const answer = await call(sandbox, "POST", "/v3/payments", {
        body: paymentBody(overrides as Record<string, unknown>),
      })
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({
        type: "error",
        id: expect.any(String),
        code: "invalid_request",
        description: expect.any(String),
        parameter,
      })
      expect(sandbox.payments()).toHaveLength(0)
    })

    it("accepts receipt items whose amount × quantity add up, fractional quantities included", async () => {
      const items = [
        { ...receipt().items[0], amount: { value: "500.00", currency: "RUB" }, quantity: "2" },
        { ...receipt().items[0], amount: { value: "1000.00", currency: "RUB" }, quantity: 0.5 },
      ]
      const payment = await createPayment(sandbox, {
        receipt: { customer: { phone: "79001234567" }, items, tax_system_code: 2 },
      })
      expect(payment.receipt_registration).toBe("pending")
    })

    it("refuses bodies that are not JSON objects, over 1 MB, or not sent as JSON", async () => {
      const invalid = await call(sandbox, "POST", "/v3/payments", { body: "{not json" })
      expect(invalid).toMatchObject({ status: 400, body: { type: "error", code: "invalid_request" } })
      const array = await call(sandbox, "POST", "/v3/payments", { body: "[]" })
      expect(array.status).toBe(400)
      const huge = await call(sandbox, "POST", "/v3/payments", {
        body: { ...paymentBody(), padding: "x".repeat(1024 * 1024) },
      })
      expect(huge).toMatchObject({ status: 400, body: { code: "invalid_request" } })
      const form = await call(sandbox, "POST", "/v3/payments", {
        body: "amount=1",
        contentType: "application/x-www-form-urlencoded",
      })
      expect(form.status).toBe(415)
    })

    it("answers GET with the current payment and 404 not_found for an unknown id", async () => {
      const payment = await createPayment(sandbox)
      expect((await call(sandbox, "GET", `/v3/payments/${payment.id}`)).body).toEqual(payment)
      const missing = await call(sandbox, "GET", "/v3/payments/2d000000-000f-5000-8000-000000000000")
      expect(missing).toMatchObject({
        status: 404,
        body: { type: "error", code: "not_found", parameter: "payment_id" },
      })
    })
  })

  describe("listing payments", () => {
    it("lists newest first, pages with next_cursor and filters by status", async () => {
      const created = []
      for (let i = 0; i < 3; i++) {
        created.push(await createPayment(sandbox))
      }
      await sandbox.pay(created[1].id)

      const first = await call(sandbox, "GET", "/v3/payments?limit=2")
      expect(first.body).toEqual({
        type: "list",
        items: [expect.objectContaining({ id: created[2].id }), expect.objectContaining({ id: created[1].id })],
        next_cursor: created[1].id,
      })
      const second = await call(sandbox, "GET", `/v3/payments?limit=2&cursor=${first.body.next_cursor}`)
      expect(second.body).toEqual({ type: "list", items: [expect.objectContaining({ id: created[0].id })] })

      const pending = await call(sandbox, "GET", "/v3/payments?status=pending")
      expect(pending.body.items.map((item: { id: string }) => item.id)).toEqual([created[2].id, created[0].id])
      const later = await call(
        sandbox,
        "GET",
        `/v3/payments?created_at.gt=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`
      )
      expect(later.body).toEqual({ type: "list", items: [] })
      expect((await call(sandbox, "GET", "/v3/payments?limit=101")).body).toMatchObject({
        code: "invalid_request",
        parameter: "limit",
      })
    })
  })

  describe("the confirmation page", () => {
    it("shows the amount, the description, and Pay and Decline buttons", async () => {
      const payment = await createPayment(sandbox)
      const page = await fetch(payment.confirmation.confirmation_url)
      const html = await page.text()
      expect(page.status).toBe(200)
      expect(page.headers.get("content-type")).toMatch(/text\/html/)
      expect(html).toContain("Тестовый платёж (песочница)")
      expect(html).toMatch(/1\s500,00\s₽/)
      expect(html).toContain("Заказ cart_01")
      expect(html).toContain(`action="${payment.id}/pay"`)
      expect(html).toContain(`action="${payment.id}/decline"`)
    })

    it("escapes what the merchant wrote", async () => {
      const payment = await createPayment(sandbox, { description: "<script>alert(1)</script>" })
      const html = await (await fetch(payment.confirmation.confirmation_url)).text()
      expect(html).not.toContain("<script>")
    })

    it("Pay (one-stage) succeeds the payment and returns the shopper to return_url", async () => {
      const payment = await createPayment(sandbox, { receipt: receipt() })
      const answer = await fetch(`${payment.confirmation.confirmation_url}/pay`, { method: "POST", redirect: "manual" })
      expect(answer.status).toBe(303)
      expect(answer.headers.get("location")).toBe(RETURN_URL)

      const paid = (await call(sandbox, "GET", `/v3/payments/${payment.id}`)).body
      expect(paid).toMatchObject({
        status: "succeeded",
        paid: true,
        refundable: true,
        refunded_amount: { value: "0.00", currency: "RUB" },
        income_amount: { value: expect.stringMatching(/^\d+\.\d\d$/), currency: "RUB" },
        captured_at: expect.any(String),
        receipt_registration: "succeeded",
        authorization_details: {
          rrn: expect.stringMatching(/^\d{12}$/),
          auth_code: expect.stringMatching(/^\d{6}$/),
          three_d_secure: { applied: false },
        },
        payment_method: {
          type: "bank_card",
          id: payment.id,
          saved: false,
          title: "Bank card *4444",
          card: expect.objectContaining({ first6: "555555", last4: "4444", card_type: "MasterCard" }),
        },
      })
      expect(paid).not.toHaveProperty("confirmation")
      expect(paid).not.toHaveProperty("expires_at")
    })

    it("Pay (two-stage) authorizes the payment for 7 days", async () => {
      const payment = await createPayment(sandbox, { capture: false })
      await fetch(`${payment.confirmation.confirmation_url}/pay`, { method: "POST", redirect: "manual" })
      const authorized = sandbox.payment(payment.id)!
      expect(authorized).toMatchObject({ status: "waiting_for_capture", paid: true, refundable: false })
      const window = Date.parse(authorized.expires_at!) - Date.now()
      expect(window).toBeGreaterThan(7 * 24 * 3600_000 - 60_000)
      expect(window).toBeLessThanOrEqual(7 * 24 * 3600_000)
      expect(authorized).not.toHaveProperty("captured_at")
      expect(authorized).not.toHaveProperty("refunded_amount")
    })

    it("Decline cancels the payment as the card network would and returns the shopper", async () => {
      const payment = await createPayment(sandbox, { receipt: receipt() })
      const answer = await fetch(`${payment.confirmation.confirmation_url}/decline`, {
        method: "POST",
        redirect: "manual",
      })
      expect(answer.status).toBe(303)
      expect(answer.headers.get("location")).toBe(RETURN_URL)
      expect(sandbox.payment(payment.id)).toMatchObject({
        status: "canceled",
        paid: false,
        refundable: false,
        receipt_registration: "canceled",
        cancellation_details: { party: "payment_network", reason: "insufficient_funds" },
      })
    })

    it("changes nothing once the payment left pending, and says so", async () => {
      const payment = await createPayment(sandbox)
      await sandbox.pay(payment.id)
      const before = sandbox.payment(payment.id)

      const again = await fetch(`${payment.confirmation.confirmation_url}/decline`, {
        method: "POST",
        redirect: "manual",
      })
      expect(again.status).toBe(409)
      expect(await again.text()).toContain("Платёж оплачен.")
      expect(sandbox.payment(payment.id)).toEqual(before)
      expect(await (await fetch(payment.confirmation.confirmation_url)).text()).toContain("Вернуться в магазин")
      expect(await sandbox.pay(payment.id)).toEqual(before)
    })

    it("answers 404 for an unknown payment", async () => {
      expect((await fetch(`${sandbox.url}/checkout/nope`)).status).toBe(404)
      await expect(sandbox.pay("nope")).rejects.toThrow(/nope/)
    })
  })

  describe("capture and cancel", () => {
    async function authorized(overrides: Record<string, unknown> = {}) {
      const payment = await createPayment(sandbox, { capture: false, ...overrides })
      await sandbox.pay(payment.id)
      return payment.id as string
    }

    it("captures a payment waiting for capture, in full by default", async () => {
      const id = await authorized()
      const answer = await call(sandbox, "POST", `/v3/payments/${id}/capture`, { body: {} })
      expect(answer).toMatchObject({
        status: 200,
        body: { id, status: "succeeded", amount: { value: "1500.00" }, refundable: true },
      })
    })

    it("captures part of the amount with a new receipt for it", async () => {
      const id = await authorized({ receipt: receipt() })
      const withoutReceipt = await call(sandbox, "POST", `/v3/payments/${id}/capture`, {
        body: { amount: { value: "1000.00", currency: "RUB" } },
      })
      expect(withoutReceipt).toMatchObject({ status: 400, body: { parameter: "receipt" } })
      const mismatched = await call(sandbox, "POST", `/v3/payments/${id}/capture`, {
        body: { amount: { value: "1000.00", currency: "RUB" }, receipt: receipt() },
      })
      expect(mismatched).toMatchObject({ status: 400, body: { parameter: "receipt.items" } })

      const answer = await call(sandbox, "POST", `/v3/payments/${id}/capture`, {
        body: { amount: { value: "1000.00", currency: "RUB" }, receipt: receipt("1000.00") },
      })
      expect(answer.body).toMatchObject({ status: "succeeded", amount: { value: "1000.00" } })
      expect(sandbox.payment(id)?.receipt).toEqual(receipt("1000.00"))
    })

    it("refuses to capture more than was authorized", async () => {
      const id = await authorized()
      const answer = await call(sandbox, "POST", `/v3/payments/${id}/capture`, {
        body: { amount: { value: "1500.01", currency: "RUB" } },
      })
      expect(answer).toMatchObject({ status: 400, body: { code: "invalid_request", parameter: "amount.value" } })
    })

    it("refuses to capture a pending, succeeded or canceled payment (a repeat with a new key)", async () => {
      const pending = await createPayment(sandbox, { capture: false })
      const captured = await authorized()
      await call(sandbox, "POST", `/v3/payments/${captured}/capture`, { body: {} })
      const canceled = await authorized()
      await call(sandbox, "POST", `/v3/payments/${canceled}/cancel`, { body: {} })

      for (const [id, status] of [
        [pending.id, "pending"],
        [captured, "succeeded"],
        [canceled, "canceled"],
      ]) {
        const answer = await call(sandbox, "POST", `/v3/payments/${id}/capture`, { body: {} })
        expect(answer).toMatchObject({
          status: 400,
          body: { type: "error", code: "invalid_request", description: expect.stringContaining(status) },
        })
      }
    })

    it("cancels only a payment waiting for capture, as the merchant", async () => {
      const id = await authorized()
      const answer = await call(sandbox, "POST", `/v3/payments/${id}/cancel`, { body: {} })
      expect(answer.body).toMatchObject({
        status: "canceled",
        paid: false,
        cancellation_details: { party: "merchant", reason: "canceled_by_merchant" },
      })
      expect(answer.body).not.toHaveProperty("expires_at")

      const pending = await createPayment(sandbox)
      expect((await call(sandbox, "POST", `/v3/payments/${pending.id}/cancel`, { body: {} })).body).toMatchObject({
        code: "invalid_request",
      })
      const succeeded = await createPayment(sandbox)
      await sandbox.pay(succeeded.id)
      expect((await call(sandbox, "POST", `/v3/payments/${succeeded.id}/cancel`, { body: {} })).status).toBe(400)
      expect((await call(sandbox, "POST", `/v3/payments/${id}/cancel`, { body: {} })).status).toBe(400)
    })

    it("accepts a cancel without a body and answers 404 for an unknown payment", async () => {
      const id = await authorized()
      expect((await call(sandbox, "POST", `/v3/payments/${id}/cancel`)).status).toBe(200)
      expect((await call(sandbox, "POST", "/v3/payments/nope/capture", { body: {} })).body).toMatchObject({
        code: "not_found",
      })
    })
  })

  describe("refunds", () => {
    async function succeeded(overrides: Record<string, unknown> = {}) {
      const payment = await createPayment(sandbox, overrides)
      await sandbox.pay(payment.id)
      return payment.id as string
    }

    function refund(paymentId: string, value: string, extra: Record<string, unknown> = {}) {
      return call(sandbox, "POST", "/v3/refunds", {
        body: { payment_id: paymentId, amount: { value, currency: "RUB" }, ...extra },
      })
    }

    it("refunds a succeeded payment in parts, up to its amount", async () => {
      const id = await succeeded()
      const first = await refund(id, "500.00", { description: "Частичный возврат" })
      expect(first.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-0015-5000-8000-[0-9a-f]{12}$/),
        payment_id: id,
        status: "succeeded",
        created_at: expect.any(String),
        amount: { value: "500.00", currency: "RUB" },
        description: "Частичный возврат",
      })
      expect(sandbox.payment(id)).toMatchObject({ refunded_amount: { value: "500.00" }, refundable: true })

      const tooMuch = await refund(id, "1000.01")
      expect(tooMuch).toMatchObject({ status: 400, body: { code: "invalid_request", parameter: "amount.value" } })

      expect((await refund(id, "1000.00")).status).toBe(200)
      expect(sandbox.payment(id)).toMatchObject({ refunded_amount: { value: "1500.00" }, refundable: false })
      expect((await refund(id, "0.01")).status).toBe(400)
    })

    it("refuses refunds of payments that did not succeed", async () => {
      const pending = await createPayment(sandbox)
      expect((await refund(pending.id, "1.00")).body).toMatchObject({
        code: "invalid_request",
        parameter: "payment_id",
      })
      const authorized = await createPayment(sandbox, { capture: false })
      await sandbox.pay(authorized.id)
      expect((await refund(authorized.id, "1.00")).status).toBe(400)
      expect((await refund("nope", "1.00")).body).toMatchObject({ parameter: "payment_id" })
      expect(
        (await call(sandbox, "POST", "/v3/refunds", { body: { amount: { value: "1.00", currency: "RUB" } } })).body
      ).toMatchObject({ parameter: "payment_id" })
    })

    it("checks a refund receipt against the refund amount and keeps it", async () => {
      const id = await succeeded({ receipt: receipt() })
      expect((await refund(id, "500.00", { receipt: receipt() })).body).toMatchObject({ parameter: "receipt.items" })
      const answer = await refund(id, "500.00", { receipt: receipt("500.00") })
      expect(answer.body).toMatchObject({ status: "succeeded", receipt_registration: "succeeded" })
      expect(answer.body).not.toHaveProperty("receipt")
      expect(sandbox.refunds(id)[0].receipt).toEqual(receipt("500.00"))
    })

    it("answers GET /refunds/:id and lists a payment's refunds", async () => {
      const id = await succeeded()
      const other = await succeeded()
      const first = (await refund(id, "100.00")).body
      const second = (await refund(id, "200.00")).body
      await refund(other, "1.00")

      expect((await call(sandbox, "GET", `/v3/refunds/${first.id}`)).body).toEqual(first)
      expect((await call(sandbox, "GET", "/v3/refunds/nope")).body).toMatchObject({ code: "not_found" })
      expect((await call(sandbox, "GET", `/v3/refunds?payment_id=${id}`)).body).toEqual({
        type: "list",
        items: [second, first],
      })
      expect(sandbox.refunds()).toHaveLength(3)
    })

    it("records a refund made in the dashboard and notifies refund.succeeded", async () => {
      const id = await succeeded()
      const partial = await sandbox.refundFromDashboard(id, "100.00")
      const rest = await sandbox.refundFromDashboard(id)
      expect(partial.amount.value).toBe("100.00")
      expect(rest.amount.value).toBe("1400.00")
      await expect(sandbox.refundFromDashboard(id)).rejects.toThrow(/Nothing to refund/)

      await sandbox.flushNotifications()
      const refundEvents = webhook.received.filter((body) => body.event === "refund.succeeded")
      expect(refundEvents.map((body) => body.object.id)).toEqual([partial.id, rest.id])
    })
  })

  describe("notifications", () => {
    it("POSTs every status change to the webhook URL, after the API call", async () => {
      const payment = await createPayment(sandbox, { capture: false })
      await sandbox.pay(payment.id)
      await call(sandbox, "POST", `/v3/payments/${payment.id}/capture`, { body: {} })

      await waitFor(() => webhook.received.length >= 2, "two notifications")
      expect(webhook.received.map((body) => [body.type, body.event, body.object.id, body.object.status])).toEqual([
        ["notification", "payment.waiting_for_capture", payment.id, "waiting_for_capture"],
        ["notification", "payment.succeeded", payment.id, "succeeded"],
      ])
      expect(webhook.received[0].object).not.toHaveProperty("receipt")
      await waitFor(
        () => sandbox.notifications.every((record) => record.delivered) && sandbox.notifications.length === 2,
        "records"
      )
      expect(sandbox.notifications).toEqual([
        { event: "payment.waiting_for_capture", objectId: payment.id, status: 200, delivered: true, attempts: 1 },
        { event: "payment.succeeded", objectId: payment.id, status: 200, delivered: true, attempts: 1 },
      ])
    })

    it("sends payment.canceled for a decline and for a merchant cancel", async () => {
      const declined = await createPayment(sandbox)
      await sandbox.decline(declined.id)
      const canceled = await createPayment(sandbox, { capture: false })
      await sandbox.pay(canceled.id)
      await call(sandbox, "POST", `/v3/payments/${canceled.id}/cancel`, { body: {} })
      await sandbox.flushNotifications()
      expect(
        webhook.received.filter((body) => body.event === "payment.canceled").map((body) => body.object.id)
      ).toEqual([declined.id, canceled.id])
    })

    it("retries until the webhook answers 200", async () => {
      webhook.answerNext(500, 503)
      const payment = await createPayment(sandbox)
      await sandbox.pay(payment.id)
      await sandbox.flushNotifications()
      expect(webhook.received).toHaveLength(3)
      expect(sandbox.notifications).toEqual([
        { event: "payment.succeeded", objectId: payment.id, status: 200, delivered: true, attempts: 3 },
      ])
    })

    it("treats any answer but 200 as not delivered, as Yookassa does", async () => {
      webhook.answerNext(204)
      const payment = await createPayment(sandbox)
      await sandbox.pay(payment.id)
      await sandbox.flushNotifications()
      expect(sandbox.notifications[0]).toMatchObject({ delivered: true, attempts: 2 })
    })

    it("sends duplicates concurrently when told to", async () => {
      sandbox.faults.duplicateNotifications(3)
      const payment = await createPayment(sandbox)
      await sandbox.pay(payment.id)
      await sandbox.flushNotifications()
      expect(webhook.received.map((body) => body.event)).toEqual([
        "payment.succeeded",
        "payment.succeeded",
        "payment.succeeded",
      ])
      expect(sandbox.notifications).toHaveLength(3)
    })

    it("loses notifications when told to", async () => {
      sandbox.faults.dropNotifications(true)
      const payment = await createPayment(sandbox)
      await sandbox.pay(payment.id)
      await sandbox.flushNotifications()
      expect(webhook.received).toHaveLength(0)
      expect(sandbox.notifications).toEqual([
        { event: "payment.succeeded", objectId: payment.id, delivered: false, attempts: 0 },
      ])
      expect(sandbox.payment(payment.id)?.status).toBe("succeeded")
    })

    it("holds notifications and sends them newest first on flush", async () => {
      sandbox.faults.reorderNotifications(true)
      const payment = await createPayment(sandbox, { capture: false })
      await sandbox.pay(payment.id)
      await call(sandbox, "POST", `/v3/payments/${payment.id}/capture`, { body: {} })
      await call(sandbox, "POST", "/v3/refunds", {
        body: { payment_id: payment.id, amount: { value: "1.00", currency: "RUB" } },
      })
      expect(webhook.received).toHaveLength(0)

      await sandbox.flushNotifications()
      expect(webhook.received.map((body) => body.event)).toEqual([
        "refund.succeeded",
        "payment.succeeded",
        "payment.waiting_for_capture",
      ])
    })

    it("releases reordered notifications by itself after a short window", async () => {
      sandbox.faults.reorderNotifications(true)
      const payment = await createPayment(sandbox, { capture: false })
      await sandbox.pay(payment.id)
      await call(sandbox, "POST", `/v3/payments/${payment.id}/capture`, { body: {} })
      await waitFor(() => webhook.received.length === 2, "the held notifications")
      expect(webhook.received.map((body) => body.event)).toEqual(["payment.succeeded", "payment.waiting_for_capture"])
    })

    it("records notifications made without a webhook URL as not delivered, and uses a URL set later", async () => {
      sandbox.setWebhookUrl(undefined)
      const first = await createPayment(sandbox)
      await sandbox.pay(first.id)
      await sandbox.flushNotifications()
      expect(sandbox.notifications).toEqual([
        { event: "payment.succeeded", objectId: first.id, delivered: false, attempts: 0 },
      ])

      sandbox.setWebhookUrl(webhook.url)
      const second = await createPayment(sandbox)
      await sandbox.pay(second.id)
      await sandbox.flushNotifications()
      expect(webhook.received.map((body) => body.object.id)).toEqual([second.id])
    })

    it("logs deliveries with the logger", async () => {
      const lines: string[] = []
      const logged = await startYookassaSandbox({
        shopId: SHOP_ID,
        secretKey: SECRET_KEY,
        webhookUrl: webhook.url,
        logger: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
      })
      try {
        const payment = await createPayment(logged)
        await logged.pay(payment.id)
        await logged.flushNotifications()
        expect(lines).toContainEqual(expect.stringMatching(new RegExp(`payment.succeeded for ${payment.id} delivered`)))
        expect(lines.join("\n")).not.toContain(SECRET_KEY)
      } finally {
        await logged.stop()
      }
    })

    it("reset() puts the notification switches back", async () => {
      sandbox.faults.dropNotifications(true)
      sandbox.faults.duplicateNotifications(2)
      sandbox.faults.reset()
      const payment = await createPayment(sandbox)
      await sandbox.pay(payment.id)
      await sandbox.flushNotifications()
      expect(webhook.received).toHaveLength(1)
    })
  })

  describe("API faults", () => {
    it("fails the next call with a 500 and lets a retry with the same key create exactly one payment", async () => {
      sandbox.faults.failNext(1, 500, { method: "POST", path: /^\/v3\/payments$/ })
      const key = newKey()
      const failed = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key })
      expect(failed).toMatchObject({ status: 500, body: { type: "error", code: "internal_server_error" } })
      expect(sandbox.payments()).toHaveLength(0)

      const retried = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key })
      const again = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key })
      expect(retried.status).toBe(200)
      expect(again.body).toEqual(retried.body)
      expect(sandbox.payments()).toHaveLength(1)
      expect(sandbox.requests.map((request) => request.status)).toEqual([500, 200, 200])
    })

    it("answers 429 with Retry-After, and 503", async () => {
      sandbox.faults.failNext(1, 429)
      sandbox.faults.failNext(1, 503)
      const limited = await call(sandbox, "GET", "/v3/payments")
      expect(limited).toMatchObject({ status: 429, body: { type: "error", code: "too_many_requests" } })
      expect(limited.headers.get("retry-after")).toBe("1")
      expect((await call(sandbox, "GET", "/v3/payments")).status).toBe(503)
      expect((await call(sandbox, "GET", "/v3/payments")).status).toBe(200)
    })

    it("applies a failure only to matching calls, a given number of times", async () => {
      const payment = await createPayment(sandbox, { capture: false })
      await sandbox.pay(payment.id)
      sandbox.faults.failNext(2, 500, { path: /\/capture$/ })
      expect((await call(sandbox, "GET", `/v3/payments/${payment.id}`)).status).toBe(200)
      const key = newKey()
      expect((await call(sandbox, "POST", `/v3/payments/${payment.id}/capture`, { body: {}, key })).status).toBe(500)
      expect((await call(sandbox, "POST", `/v3/payments/${payment.id}/capture`, { body: {}, key })).status).toBe(500)
      expect((await call(sandbox, "POST", `/v3/payments/${payment.id}/capture`, { body: {}, key })).status).toBe(200)
    })

    it("answers late but processes at once, so a client that timed out finds its payment with the same key", async () => {
      sandbox.faults.slowNext(1, 1000, { method: "POST" })
      const key = newKey()
      await expect(
        call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key, signal: AbortSignal.timeout(100) })
      ).rejects.toThrow()
      const retried = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key })
      expect(retried.status).toBe(200)
      expect(sandbox.payments()).toEqual([expect.objectContaining({ id: retried.body.id })])
    })

    it("reset() clears scripted failures and delays", async () => {
      sandbox.faults.failNext(5)
      sandbox.faults.slowNext(5, 10_000)
      sandbox.faults.reset()
      expect((await call(sandbox, "GET", "/v3/payments")).status).toBe(200)
    })
  })

  describe("routing", () => {
    it("answers unknown paths with 404 and Yookassa's error body", async () => {
      expect(await call(sandbox, "GET", "/v3/payouts")).toMatchObject({
        status: 404,
        body: { type: "error", code: "not_found" },
      })
      expect(await call(sandbox, "GET", "/elsewhere")).toMatchObject({
        status: 404,
        body: { type: "error", code: "not_found" },
      })
    })

    it("answers 405 to a known path with the wrong method", async () => {
      const payment = await createPayment(sandbox)
      const answer = await call(sandbox, "GET", `/v3/payments/${payment.id}/cancel`)
      expect(answer.status).toBe(405)
      expect(answer.headers.get("allow")).toBe("POST")
    })
  })
})

function withItem(overrides: Record<string, unknown>) {
  const base = receipt()
  return { ...base, items: [{ ...base.items[0], ...overrides }] }
}
