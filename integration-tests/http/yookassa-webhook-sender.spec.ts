import { request } from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useEnvironment } from "../helpers/test-environment"

jest.setTimeout(120_000)

const WEBHOOK = "/hooks/payment/yookassa_yookassa"
/** The reverse proxy in front of the server; any other loopback address is a client talking to it directly. */
const PROXY = "127.0.0.2"
const DIRECT = "127.0.0.1"

// Production-like: the real Yookassa API (never called here), one proxy known by its address.
useEnvironment({
  YOOKASSA_API_URL: "https://api.yookassa.ru/v3",
  TRUSTED_PROXIES: PROXY,
  TRUSTED_PROXY_HOPS: "1",
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    /** POSTs to the webhook from a given local address; answers the status. The body is no notification, so nothing is processed. */
    const notifyFrom = (from: string, forwardedFor?: string) =>
      new Promise<number>((resolve, reject) => {
        const { port } = new URL((api as unknown as { defaults: { baseURL: string } }).defaults.baseURL)
        const body = JSON.stringify({ hello: "world" })
        const sending = request(
          {
            host: "127.0.0.1",
            port,
            path: WEBHOOK,
            method: "POST",
            localAddress: from,
            agent: false,
            headers: {
              "content-type": "application/json",
              "content-length": Buffer.byteLength(body),
              ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
            },
          },
          (response) => {
            response.resume()
            resolve(response.statusCode ?? 0)
          }
        )
        sending.on("error", reject)
        sending.end(body)
      })

    it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
      expect(await notifyFrom(DIRECT, "185.71.76.5")).toBe(403)
      expect(await notifyFrom(DIRECT, "203.0.113.9, 185.71.76.5")).toBe(403)
    })

    it("believes the trusted proxy about the sender, and only the entry it wrote", async () => {
      expect(await notifyFrom(PROXY, "185.71.76.5")).toBe(200)
      expect(await notifyFrom(PROXY, "77.75.156.11")).toBe(200)
      expect(await notifyFrom(PROXY, "203.0.113.9")).toBe(403)
      // The client wrote Yookassa's address; the proxy appended the real one.
      expect(await notifyFrom(PROXY, "185.71.76.5, 203.0.113.9")).toBe(403)
    })

    it("refuses loopback senders when the API is not the local sandbox", async () => {
      expect(await notifyFrom(PROXY, "127.0.0.1")).toBe(403)
      expect(await notifyFrom(PROXY, "::1")).toBe(403)
      expect(await notifyFrom(DIRECT)).toBe(403)
      // The proxy's own request without a header: the proxy is the sender, and it is no Yookassa address.
      expect(await notifyFrom(PROXY)).toBe(403)
    })
  },
})
