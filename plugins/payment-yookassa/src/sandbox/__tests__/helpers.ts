import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { setTimeout as sleep } from "node:timers/promises"
import type { NotificationBody, YookassaSandbox } from "../index"

export const SHOP_ID = "506751"
export const SECRET_KEY = "test_sandbox_secret"
export const RETURN_URL = "https://shop.example/checkout/return"

export type ApiAnswer = { status: number; body: any; headers: Headers }

type CallOptions = {
  body?: unknown
  /** Default: a fresh key for every POST. */
  key?: string | null
  auth?: string | null
  contentType?: string
  signal?: AbortSignal
}

let keyCounter = 0

export function newKey(): string {
  keyCounter += 1
  return `test-key-${process.pid}-${keyCounter}`
}

export function basicAuth(shopId = SHOP_ID, secretKey = SECRET_KEY): string {
  return `Basic ${Buffer.from(`${shopId}:${secretKey}`).toString("base64")}`
}

/** One real HTTP call to the sandbox's API. */
export async function call(
  sandbox: YookassaSandbox,
  method: "GET" | "POST" | "DELETE",
  path: string,
  options: CallOptions = {}
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {}
  const auth = options.auth === undefined ? basicAuth() : options.auth
  if (auth !== null) {
    headers.authorization = auth
  }
  if (method === "POST") {
    const key = options.key === undefined ? newKey() : options.key
    if (key !== null) {
      headers["idempotence-key"] = key
    }
    headers["content-type"] = options.contentType ?? "application/json"
  }
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
    signal: options.signal,
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers }
}

export function receipt(total = "1500.00", extra: Record<string, unknown> = {}) {
  return {
    customer: { email: "buyer@example.com" },
    items: [
      {
        description: "Курс «Промпт-инжиниринг»",
        quantity: 1,
        amount: { value: total, currency: "RUB" },
        vat_code: 1,
        payment_subject: "service",
        payment_mode: "full_payment",
      },
    ],
    ...extra,
  }
}

export function paymentBody(overrides: Record<string, unknown> = {}) {
  return {
    amount: { value: "1500.00", currency: "RUB" },
    capture: true,
    confirmation: { type: "redirect", return_url: RETURN_URL },
    description: "Заказ cart_01",
    metadata: { session_id: "payses_01", cart_id: "cart_01" },
    ...overrides,
  }
}

export async function createPayment(sandbox: YookassaSandbox, overrides: Record<string, unknown> = {}) {
  const answer = await call(sandbox, "POST", "/v3/payments", { body: paymentBody(overrides) })
  if (answer.status !== 200) {
    throw new Error(`payment not created: ${answer.status} ${JSON.stringify(answer.body)}`)
  }
  return answer.body
}

/** Polls until `read` gives a truthy value; fails after the deadline instead of sleeping a fixed time. */
export async function waitFor<T>(read: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await sleep(10)
  }
}

/** A store's webhook endpoint: records every POST and answers the scripted statuses, then 200. */
export type WebhookReceiver = {
  url: string
  received: NotificationBody[]
  answerNext(...statuses: number[]): void
  close(): Promise<void>
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: NotificationBody[] = []
  const scripted: number[] = []
  const server: Server = createServer(async (request, response) => {
    let raw = ""
    for await (const chunk of request) {
      raw += chunk
    }
    received.push(JSON.parse(raw))
    response.writeHead(scripted.shift() ?? 200).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/payment/yookassa_yookassa`,
    received,
    answerNext: (...statuses) => scripted.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Every key path of `documented` (objects recursively) that `actual` lacks. */
export function missingKeys(documented: unknown, actual: unknown, prefix = ""): string[] {
  if (typeof documented !== "object" || documented === null || Array.isArray(documented)) {
    return []
  }
  const target = (typeof actual === "object" && actual !== null ? actual : {}) as Record<string, unknown>
  return Object.entries(documented).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return key in target ? missingKeys(value, target[key], path) : [path]
  })
}
