import type { IncomingMessage, ServerResponse } from "node:http"
import { setTimeout as sleep } from "node:timers/promises"
import { errorBody, FAULT_ERRORS, invalidRequest, notFound, YookassaError } from "./errors"
import type { Faults } from "./faults"
import { readBody, sendJson } from "./http"
import { IdempotencyStore, requestFingerprint, requireIdempotenceKey } from "./idempotency"
import { listPage } from "./lists"
import { apiObject } from "./objects"
import type { Ledger } from "./payments"
import type { PaymentStatus, RequestRecord, SandboxLogger } from "./types"
import { isJsonObject, parseCapture, parseCreatePayment, parseCreateRefund } from "./validation"

export type ApiContext = {
  shopId: string
  secretKey: string
  ledger: Ledger
  faults: Faults
  requests: RequestRecord[]
  logger: SandboxLogger
  /** Aborted by `stop()`: late answers held by slowNext are dropped. */
  stopping: AbortSignal
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> }

type Route = {
  method: "GET" | "POST"
  pattern: RegExp
  handle(params: string[], body: Record<string, unknown>, query: URLSearchParams): unknown
}

const PAYMENT_STATUSES: PaymentStatus[] = ["pending", "waiting_for_capture", "succeeded", "canceled"]
// Seconds a client should wait after a scripted 429 (Yookassa documents no value).
const RETRY_AFTER_SECONDS = "1"

/** Yookassa API v3's documented payment and refund methods, over the ledger. */
function apiRoutes(ledger: Ledger): Route[] {
  return [
    {
      method: "POST",
      pattern: /^\/v3\/payments$/,
      handle: (_params, body) => apiObject(ledger.createPayment(parseCreatePayment(body))),
    },
    {
      method: "GET",
      pattern: /^\/v3\/payments$/,
      handle: (_params, _body, query) => {
        const status = query.get("status")
        if (status !== null && !PAYMENT_STATUSES.includes(status as PaymentStatus)) {
          throw invalidRequest(`status must be one of ${PAYMENT_STATUSES.join(", ")}`, "status")
        }
        return listPage(
          ledger.payments().map(apiObject),
          query,
          (payment) => status === null || payment.status === status
        )
      },
    },
    {
      method: "GET",
      pattern: /^\/v3\/payments\/([^/]+)$/,
      handle: ([id]) => apiObject(ledger.getPayment(id)),
    },
    {
      method: "POST",
      pattern: /^\/v3\/payments\/([^/]+)\/capture$/,
      handle: ([id], body) => apiObject(ledger.capture(id, parseCapture(body))),
    },
    {
      method: "POST",
      pattern: /^\/v3\/payments\/([^/]+)\/cancel$/,
      handle: ([id]) => apiObject(ledger.cancel(id)),
    },
    {
      method: "POST",
      pattern: /^\/v3\/refunds$/,
      handle: (_params, body) => apiObject(ledger.createRefund(parseCreateRefund(body))),
    },
    {
      method: "GET",
      pattern: /^\/v3\/refunds$/,
      handle: (_params, _body, query) => {
        const paymentId = query.get("payment_id")
        return listPage(
          ledger.refunds().map(apiObject),
          query,
          (refund) => paymentId === null || refund.payment_id === paymentId
        )
      },
    },
    {
      method: "GET",
      pattern: /^\/v3\/refunds\/([^/]+)$/,
      handle: ([id]) => {
        const refund = ledger.refund(id)
        if (!refund) {
          throw notFound(`Refund ${id} doesn't exist or access denied`, "refund_id")
        }
        return apiObject(refund)
      },
    },
  ]
}

/**
 * Answers `/v3/*` like Yookassa: Basic auth, then the scripted faults, then (for POST) the
 * Idempotence-Key rules, then the method itself. Every request is recorded with the status it got.
 */
export function createApiHandler(context: ApiContext) {
  const routes = apiRoutes(context.ledger)
  const idempotency = new IdempotencyStore()

  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = request.method ?? "GET"
    const key = request.headers["idempotence-key"]
    const record: RequestRecord = {
      method,
      path: url.pathname + url.search,
      ...(typeof key === "string" ? { idempotenceKey: key } : {}),
      status: 0,
    }
    context.requests.push(record)

    let answer: Answer
    try {
      const raw = await readBody(request)
      answer = answerRequest(request, url, raw, record)
    } catch (error) {
      answer = errorAnswer(error, context.logger)
    }
    record.status = answer.status

    const delay = context.faults.takeDelay(method, url.pathname)
    if (delay > 0) {
      try {
        await sleep(delay, undefined, { signal: context.stopping })
      } catch {
        response.destroy()
        return
      }
    }
    sendJson(response, answer.status, answer.body, answer.headers)
  }

  function answerRequest(request: IncomingMessage, url: URL, raw: string, record: RequestRecord): Answer {
    const method = request.method ?? "GET"
    if (!authenticated(request.headers.authorization, context)) {
      throw new YookassaError(401, "invalid_credentials", "Authentication failed: check the shop ID and the secret key")
    }
    const candidates = routes.filter((route) => route.pattern.test(url.pathname))
    if (candidates.length === 0) {
      throw notFound(`${url.pathname} is not a Yookassa API method`)
    }
    const route = candidates.find((candidate) => candidate.method === method)
    if (!route) {
      return {
        status: 405,
        body: errorBody("invalid_request", `Method ${method} is not allowed here`),
        headers: { allow: candidates.map((candidate) => candidate.method).join(", ") },
      }
    }

    const fault = context.faults.takeFailure(method, url.pathname)
    if (fault) {
      const { code, description } = FAULT_ERRORS[fault]
      return {
        status: fault,
        body: errorBody(code, description),
        headers: fault === 429 ? { "retry-after": RETRY_AFTER_SECONDS } : undefined,
      }
    }

    const params = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent)
    if (method === "GET") {
      return { status: 200, body: route.handle(params, {}, url.searchParams) }
    }

    const body = parsePostBody(request.headers["content-type"], raw)
    record.body = body
    const idempotenceKey = requireIdempotenceKey(request.headers["idempotence-key"])
    const fingerprint = requestFingerprint(method, url.pathname + url.search, body)
    const replayed = idempotency.replay(idempotenceKey, fingerprint)
    if (replayed) {
      return replayed
    }
    // Nothing awaits between the lookup and the save: a concurrent repeat of this key sees the saved answer.
    let answer: Answer
    try {
      answer = { status: 200, body: route.handle(params, body, url.searchParams) }
    } catch (error) {
      if (!(error instanceof YookassaError)) {
        throw error
      }
      answer = { status: error.status, body: error.body() }
    }
    idempotency.save(idempotenceKey, fingerprint, answer)
    return answer
  }
}

function parsePostBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw.trim() === "") {
    return {}
  }
  if (!contentType?.toLowerCase().startsWith("application/json")) {
    throw new YookassaError(415, "invalid_request", "Content-Type must be application/json")
  }
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    throw invalidRequest("Request body is not valid JSON")
  }
  if (!isJsonObject(body)) {
    throw invalidRequest("Request body must be a JSON object")
  }
  return body
}

function authenticated(header: string | undefined, context: ApiContext): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "")
  if (!match) {
    return false
  }
  const credentials = Buffer.from(match[1], "base64").toString("utf8")
  return credentials === `${context.shopId}:${context.secretKey}`
}

function errorAnswer(error: unknown, logger: SandboxLogger): Answer {
  if (error instanceof YookassaError) {
    return { status: error.status, body: error.body() }
  }
  logger.warn(`API request failed inside the sandbox: ${error instanceof Error ? error.stack : String(error)}`)
  return { status: 500, body: errorBody("internal_server_error", "Internal sandbox error") }
}
