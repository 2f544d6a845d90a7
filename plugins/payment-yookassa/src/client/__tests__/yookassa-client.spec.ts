import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { YookassaApiError, YookassaClient, YookassaNetworkError } from ".."
import { parseNotification } from "../../utils/notification"

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, "../../__tests__/fixtures", `${name}.json`), "utf8"))

type Seen = { method: string; url: string; key?: string; authorization?: string; body: string }
type Answer = { status: number; body?: unknown; headers?: Record<string, string>; hang?: boolean }

/** A scripted stand-in for api.yookassa.ru: answers come from Yookassa's documented examples. */
function scriptedApi() {
  const seen: Seen[] = []
  const answers: Answer[] = []
  let server: Server
  return {
    seen,
    answer: (...next: Answer[]) => answers.push(...next),
    async start() {
      server = createServer(async (request: IncomingMessage, response) => {
        let body = ""
        for await (const chunk of request) body += chunk
        seen.push({
          method: request.method!,
          url: request.url!,
          key: request.headers["idempotence-key"] as string | undefined,
          authorization: request.headers.authorization,
          body,
        })
        const answer: Answer = answers.shift() ?? { status: 500, body: fixture("error-500-internal-server-error") }
        if (answer.hang) {
          return
        }
        response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers })
        response.end(answer.body === undefined ? "" : JSON.stringify(answer.body))
      })
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

describe("YookassaClient", () => {
  const api = scriptedApi()
  let client: YookassaClient

  beforeAll(async () => {
    const apiUrl = await api.start()
    client = new YookassaClient({
      shopId: "100500",
      secretKey: "test_s3cret",
      apiUrl,
      timeoutMs: 300,
      maxAttempts: 3,
      retryBaseDelayMs: 5,
    })
  })
  afterAll(() => api.stop())
  beforeEach(() => {
    api.seen.length = 0
  })

  it("creates a payment with Basic auth and the caller's Idempotence-Key, and reads Yookassa's payment body", async () => {
    api.answer({ status: 200, body: fixture("payment-pending") })
    const payment = await client.createPayment(
      {
        amount: { value: "100.00", currency: "RUB" },
        capture: true,
        confirmation: { type: "redirect", return_url: "https://t.me/x/y" },
      },
      "payses_1"
    )
    expect(payment).toMatchObject({
      id: "23d93cac-000f-5000-8000-126628f15141",
      status: "pending",
      amount: { value: "100.00" },
    })
    expect(payment.confirmation?.confirmation_url).toMatch(/^https:\/\//)
    expect(api.seen[0]).toMatchObject({
      method: "POST",
      url: "/v3/payments",
      key: "payses_1",
      authorization: `Basic ${Buffer.from("100500:test_s3cret").toString("base64")}`,
    })
    expect(JSON.parse(api.seen[0].body).amount).toEqual({ value: "100.00", currency: "RUB" })
  })

  it("reads payments in every documented state and refunds", async () => {
    api.answer(
      { status: 200, body: fixture("payment-waiting-for-capture") },
      { status: 200, body: fixture("payment-succeeded") },
      { status: 200, body: fixture("payment-canceled") },
      { status: 200, body: fixture("refund-succeeded") }
    )
    expect((await client.getPayment("a")).status).toBe("waiting_for_capture")
    expect((await client.getPayment("b")).status).toBe("succeeded")
    expect((await client.getPayment("c")).cancellation_details).toEqual(
      expect.objectContaining({ party: expect.any(String), reason: expect.any(String) })
    )
    expect((await client.getRefund("d")).status).toBe("succeeded")
  })

  it("retries 500 and 429 with the same key, honouring Retry-After, until it succeeds", async () => {
    api.answer(
      { status: 500, body: fixture("error-500-internal-server-error") },
      { status: 429, body: fixture("error-429-too-many-requests"), headers: { "retry-after": "0.05" } },
      { status: 200, body: fixture("refund-succeeded") }
    )
    await client.createRefund({ payment_id: "p", amount: { value: "1.00", currency: "RUB" } }, "ref_1")
    expect(api.seen.map((request) => request.key)).toEqual(["ref_1", "ref_1", "ref_1"])
  })

  it("retries a timeout with the same key, and gives up with a network error", async () => {
    api.answer({ status: 200, hang: true }, { status: 200, body: fixture("payment-succeeded") })
    await client.capturePayment("p", {}, "cap_1")
    expect(api.seen.map((request) => request.key)).toEqual(["cap_1", "cap_1"])

    api.seen.length = 0
    api.answer({ status: 200, hang: true }, { status: 200, hang: true }, { status: 200, hang: true })
    const failure = await client.cancelPayment("p", "cancel_1").catch((error) => error)
    expect(failure).toBeInstanceOf(YookassaNetworkError)
    expect(api.seen).toHaveLength(3)
  })

  it("does not retry a 4xx, and carries Yookassa's code, description and parameter", async () => {
    api.answer({ status: 400, body: fixture("error-400-invalid-request") })
    const failure = await client
      .createPayment(
        { amount: { value: "1.00", currency: "RUB" }, capture: true, confirmation: { type: "embedded" } },
        "k"
      )
      .catch((error) => error)
    expect(failure).toBeInstanceOf(YookassaApiError)
    expect(failure).toMatchObject({ status: 400, code: "invalid_request", parameter: "Idempotence-Key" })
    expect(failure.description).toMatch(/Idempotence key/)
    expect(api.seen).toHaveLength(1)

    for (const [name, status, code] of [
      ["error-401-invalid-credentials", 401, "invalid_credentials"],
      ["error-404-not-found", 404, "not_found"],
    ] as const) {
      api.answer({ status, body: fixture(name) })
      await expect(client.getPayment("x")).rejects.toMatchObject({ status, code })
    }
  })

  it("never puts the secret key into an error", async () => {
    api.answer({ status: 401, body: fixture("error-401-invalid-credentials") })
    const failure: Error = await client.getPayment("x").catch((error) => error)
    expect(failure.message).not.toContain("test_s3cret")
    expect(failure.message).not.toContain(Buffer.from("100500:test_s3cret").toString("base64"))
    const unreachable = new YookassaClient({
      shopId: "100500",
      secretKey: "test_s3cret",
      apiUrl: "http://127.0.0.1:1/v3",
      maxAttempts: 1,
    })
    const network: Error = await unreachable.getPayment("x").catch((error) => error)
    expect(network.message).not.toContain("test_s3cret")
  })

  it("refuses a POST without an Idempotence-Key", async () => {
    await expect(client.cancelPayment("p", "")).rejects.toThrow("needs an Idempotence-Key")
    expect(api.seen).toHaveLength(0)
  })
})

describe("notifications", () => {
  it("reads the event and object id of Yookassa's documented notifications, and nothing else", () => {
    for (const name of [
      "notification-payment-succeeded",
      "notification-payment-waiting-for-capture",
      "notification-payment-canceled",
      "notification-refund-succeeded",
    ]) {
      const body = fixture(name)
      expect(parseNotification(body)).toEqual({ event: body.event, objectId: body.object.id })
    }
    expect(parseNotification({ type: "notification", event: "payment.pwned", object: { id: "x" } })).toBeUndefined()
    expect(parseNotification({ event: "payment.succeeded" })).toBeUndefined()
    expect(parseNotification("payment.succeeded")).toBeUndefined()
    expect(parseNotification(null)).toBeUndefined()
  })
})
