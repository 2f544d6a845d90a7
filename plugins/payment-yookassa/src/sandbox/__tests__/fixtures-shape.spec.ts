import { readFileSync } from "node:fs"
import { join } from "node:path"
import { startYookassaSandbox, type NotificationBody, type YookassaSandbox } from "../index"
import {
  basicAuth,
  call,
  createPayment,
  missingKeys,
  newKey,
  paymentBody,
  receipt,
  SECRET_KEY,
  SHOP_ID,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./helpers"

const FIXTURES = join(__dirname, "..", "..", "__tests__", "fixtures")

function fixture(name: string): Record<string, unknown> {
  const documented = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8"))
  // card_product is sent for some card products only (the documented example is a Mir card); the sandbox's test MasterCard has none.
  delete documented.payment_method?.card?.card_product
  delete documented.object?.payment_method?.card?.card_product
  return documented
}

/** Every key of Yookassa's documented example bodies is in what the sandbox sends. */
describe("Yookassa sandbox bodies have every key of the documented examples", () => {
  let sandbox: YookassaSandbox
  let webhook: WebhookReceiver

  beforeAll(async () => {
    webhook = await startWebhookReceiver()
    sandbox = await startYookassaSandbox({ shopId: SHOP_ID, secretKey: SECRET_KEY, webhookUrl: webhook.url })
  })

  afterAll(async () => {
    await sandbox.stop()
    await webhook.close()
  })

  async function get(id: string) {
    return (await call(sandbox, "GET", `/v3/payments/${id}`)).body
  }

  it("payment objects in every status", async () => {
    const pending = await createPayment(sandbox, { receipt: receipt() })
    const authorized = await createPayment(sandbox, { capture: false })
    await sandbox.pay(authorized.id)
    const succeeded = await createPayment(sandbox)
    await sandbox.pay(succeeded.id)
    const canceled = await createPayment(sandbox, { capture: false })
    await sandbox.pay(canceled.id)
    await call(sandbox, "POST", `/v3/payments/${canceled.id}/cancel`, { body: {} })

    expect(missingKeys(fixture("payment-pending"), pending)).toEqual([])
    expect(missingKeys(fixture("payment-waiting-for-capture"), await get(authorized.id))).toEqual([])
    expect(missingKeys(fixture("payment-succeeded"), await get(succeeded.id))).toEqual([])
    expect(missingKeys(fixture("payment-canceled"), await get(canceled.id))).toEqual([])
  })

  it("refund objects", async () => {
    const payment = await createPayment(sandbox)
    await sandbox.pay(payment.id)
    const refund = await call(sandbox, "POST", "/v3/refunds", {
      body: { payment_id: payment.id, amount: { value: "2.00", currency: "RUB" } },
    })
    expect(missingKeys(fixture("refund-succeeded"), refund.body)).toEqual([])
  })

  it("notifications", async () => {
    const twoStage = await createPayment(sandbox, { capture: false })
    await sandbox.pay(twoStage.id)
    await call(sandbox, "POST", `/v3/payments/${twoStage.id}/capture`, { body: {} })
    const declined = await createPayment(sandbox)
    await sandbox.decline(declined.id)
    await sandbox.refundFromDashboard(twoStage.id, "2.00")
    await sandbox.flushNotifications()

    const received = (event: string): NotificationBody => webhook.received.find((body) => body.event === event)!
    for (const event of ["payment.waiting_for_capture", "payment.succeeded", "payment.canceled", "refund.succeeded"]) {
      const name = `notification-${event.replace(".", "-").replace(/_/g, "-")}`
      expect({ event, missing: missingKeys(fixture(name), received(event)) }).toEqual({ event, missing: [] })
    }
  })

  it("error bodies", async () => {
    const errors: Array<[string, Promise<{ status: number; body: unknown }>]> = [
      [
        "error-400-invalid-request",
        call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key: "k".repeat(65) }),
      ],
      ["error-401-invalid-credentials", call(sandbox, "GET", "/v3/payments", { auth: basicAuth(SHOP_ID, "wrong") })],
      ["error-404-not-found", call(sandbox, "GET", "/v3/payments/2d000000-000f-5000-8000-000000000000")],
    ]
    for (const [name, answer] of errors) {
      expect({ name, missing: missingKeys(fixture(name), (await answer).body) }).toEqual({ name, missing: [] })
    }

    sandbox.faults.failNext(1, 429)
    const limited = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(), key: newKey() })
    expect(limited.status).toBe(429)
    expect(missingKeys(fixture("error-429-too-many-requests"), limited.body)).toEqual([])

    sandbox.faults.failNext(1, 500)
    const failed = await call(sandbox, "GET", "/v3/payments")
    expect(failed.status).toBe(500)
    expect(missingKeys(fixture("error-500-internal-server-error"), failed.body)).toEqual([])
  })
})
