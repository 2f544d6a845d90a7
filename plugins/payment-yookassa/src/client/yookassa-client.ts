import { setTimeout as sleep } from "node:timers/promises"
import { YookassaApiError, YookassaNetworkError } from "./errors"
import type {
  CreatePaymentRequest,
  CreateRefundRequest,
  ListPaymentsQuery,
  ListRefundsQuery,
  YookassaAmount,
  YookassaErrorBody,
  YookassaList,
  YookassaPayment,
  YookassaReceipt,
  YookassaRefund,
} from "./types"

export type YookassaClientOptions = {
  shopId: string
  secretKey: string
  /** Base URL up to and including `/v3`. */
  apiUrl: string
  /** Per-attempt timeout. */
  timeoutMs?: number
  /** Attempts in all for one call (first try included). */
  maxAttempts?: number
  /** First retry delay; doubles each time. */
  retryBaseDelayMs?: number
}

const MAX_RETRY_AFTER_MS = 10_000

/**
 * A thin typed client over `fetch` for the parts of Yookassa API v3 the plugin uses.
 * Every POST carries the caller's Idempotence-Key, and a retry (network error, timeout,
 * 5xx, 429) repeats the same key, so Yookassa performs the operation at most once.
 * The secret key goes only into the Authorization header, never into errors or logs.
 */
export class YookassaClient {
  private readonly authorization: string
  private readonly apiUrl: string
  private readonly timeoutMs: number
  private readonly maxAttempts: number
  private readonly retryBaseDelayMs: number

  constructor(options: YookassaClientOptions) {
    this.authorization = `Basic ${Buffer.from(`${options.shopId}:${options.secretKey}`).toString("base64")}`
    this.apiUrl = options.apiUrl.replace(/\/+$/, "")
    this.timeoutMs = options.timeoutMs ?? 15_000
    this.maxAttempts = options.maxAttempts ?? 4
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 300
  }

  createPayment(body: CreatePaymentRequest, idempotenceKey: string): Promise<YookassaPayment> {
    return this.request("POST", "/payments", { body, idempotenceKey })
  }

  getPayment(paymentId: string): Promise<YookassaPayment> {
    return this.request("GET", `/payments/${encodeURIComponent(paymentId)}`)
  }

  listPayments(query: ListPaymentsQuery): Promise<YookassaList<YookassaPayment>> {
    return this.request("GET", `/payments?${toSearch(query)}`)
  }

  capturePayment(
    paymentId: string,
    body: { amount?: YookassaAmount; receipt?: YookassaReceipt },
    idempotenceKey: string
  ): Promise<YookassaPayment> {
    return this.request("POST", `/payments/${encodeURIComponent(paymentId)}/capture`, { body, idempotenceKey })
  }

  cancelPayment(paymentId: string, idempotenceKey: string): Promise<YookassaPayment> {
    return this.request("POST", `/payments/${encodeURIComponent(paymentId)}/cancel`, { body: {}, idempotenceKey })
  }

  createRefund(body: CreateRefundRequest, idempotenceKey: string): Promise<YookassaRefund> {
    return this.request("POST", "/refunds", { body, idempotenceKey })
  }

  getRefund(refundId: string): Promise<YookassaRefund> {
    return this.request("GET", `/refunds/${encodeURIComponent(refundId)}`)
  }

  listRefunds(paymentId: string): Promise<YookassaList<YookassaRefund>> {
    return this.request("GET", `/refunds?payment_id=${encodeURIComponent(paymentId)}`)
  }

  /** Refunds of every payment, newest first, one page at a time. */
  listRecentRefunds(query: ListRefundsQuery): Promise<YookassaList<YookassaRefund>> {
    return this.request("GET", `/refunds?${toSearch(query)}`)
  }

  private async request<T>(
    method: "GET" | "POST",
    path: string,
    { body, idempotenceKey }: { body?: unknown; idempotenceKey?: string } = {}
  ): Promise<T> {
    const operation = `${method} ${path.split("?")[0]}`
    const headers: Record<string, string> = { authorization: this.authorization, accept: "application/json" }
    if (method === "POST") {
      if (!idempotenceKey) {
        throw new Error(`${operation} needs an Idempotence-Key`)
      }
      headers["idempotence-key"] = idempotenceKey
      headers["content-type"] = "application/json"
    }

    let lastError: unknown
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      let waitMs = this.retryBaseDelayMs * 2 ** (attempt - 1)
      try {
        const response = await fetch(`${this.apiUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        })
        const text = await response.text()
        const parsed = parseJson(text)
        if (response.ok) {
          return parsed as T
        }
        const error = new YookassaApiError(response.status, parsed as Partial<YookassaErrorBody> | undefined)
        if (!error.retryable) {
          throw error
        }
        lastError = error
        waitMs = Math.max(waitMs, retryAfterMs(response.headers.get("retry-after")))
      } catch (error) {
        if (error instanceof YookassaApiError && !error.retryable) {
          throw error
        }
        lastError = error instanceof YookassaApiError ? error : new YookassaNetworkError(operation, error)
      }
      if (attempt < this.maxAttempts) {
        await sleep(Math.min(waitMs, MAX_RETRY_AFTER_MS))
      }
    }
    throw lastError
  }
}

function parseJson(text: string): unknown {
  if (!text) {
    return undefined
  }
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function retryAfterMs(header: string | null): number {
  const seconds = Number(header)
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0
}

function toSearch(query: Record<string, string | number | undefined>): URLSearchParams {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      search.set(name, String(value))
    }
  }
  return search
}
