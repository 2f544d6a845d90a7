import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import {
  BotApiError,
  createState,
  DEFAULT_METHODS,
  type DeliveredMessage,
  type MethodHandler,
} from "./bot-api/methods"
import { BadRequest, readRequestParams } from "./bot-api/request-params"
import { createStarsState, type StarsState } from "./bot-api/stars"
import { handleShopperRoute, SHOPPER_PATH } from "./bot-api/shopper-routes"
import { deliver, payInvoice, type PayInvoiceInput, type PayInvoiceResult, type StoreWebhook } from "./bot-api/stars-shopper"

export { BotApiError, DEFAULT_METHODS } from "./bot-api/methods"
export type { DeliveredMessage, MethodContext, MethodHandler } from "./bot-api/methods"
export type { DoubleInvoice, DoubleStarTransaction, StarsState } from "./bot-api/stars"
export type { PayInvoiceInput, PayInvoiceResult, StoreWebhook } from "./bot-api/stars-shopper"

/**
 * A stand-in for Telegram's Bot API, for tests and for local mode: a small `node:http`
 * server that answers `POST|GET /bot<token>/<method>` (JSON, urlencoded or multipart
 * bodies) like Telegram does (`{ ok: true, result }`, or `{ ok: false, error_code,
 * description, parameters }`), records every call, and can be told to fail the next calls.
 * It also plays the shopper paying a Stars invoice, for tests (`payInvoice`) and for the
 * Mini App's stand-in Telegram client (`/telegram-double/invoices/<slug>`, see shopper-routes.ts).
 *
 * It delivers nothing and accepts any token, so it refuses to start under
 * `NODE_ENV=production`.
 *
 * ```ts
 * const api = await start({ log: console.log })
 * // provider options: { botToken: "123:test", apiRoot: api.url }
 * api.failNext({ kind: "rate_limit", retryAfter: 1 })
 * await api.waitForCalls(2)
 * await api.stop()
 * ```
 */

/** How the double answers a scripted call. */
export type ScriptedFailure =
  /** 429 Too Many Requests with `parameters.retry_after` (seconds). */
  | { kind: "rate_limit"; retryAfter: number }
  /** 403, by default "Forbidden: bot can't initiate conversation with a user". */
  | { kind: "forbidden"; description?: string }
  /** A 5xx (default 500), as a proxy in front of Telegram would answer. */
  | { kind: "server_error"; status?: number }
  /** 400 with the given description. */
  | { kind: "bad_request"; description?: string }
  /** Never answers (until `stop()`). */
  | { kind: "hang" }

/** Limits a scripted failure to calls of one method and/or one chat. */
export type FailureFilter = { method?: string; chatId?: number | string }

export type BotApiCall = {
  method: string
  token: string
  params: Record<string, unknown>
  /** HTTP status of the answer, or "hang" for a call left unanswered. */
  status: number | "hang"
  /** `Date.now()` when the call arrived. */
  at: number
}

export type BotApiDoubleOptions = {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number
  /** Address to listen on. Default 127.0.0.1. */
  host?: string
  /** Receives one line per call (and the text of each delivered message). Never gets the token. */
  log?: (line: string) => void
  /** Accept only this token (others get 401 Unauthorized, like Telegram). Default: any token. */
  token?: string
  /** Methods to add or replace, by name. */
  methods?: Record<string, MethodHandler>
  /**
   * The store's bot webhook: where the shopper routes (`/telegram-double/invoices/<slug>`, for
   * the Mini App's stand-in Telegram client) send the payment updates.
   */
  storeWebhook?: StoreWebhook
}

export type BotApiDouble = {
  /** Base URL to use as the Bot API root (telegraf's `apiRoot`), e.g. `http://127.0.0.1:40123`. */
  url: string
  /** Every call received, in order (failed and unanswered ones included). */
  calls: BotApiCall[]
  /** Messages accepted by `sendMessage`, in order. */
  delivered: DeliveredMessage[]
  /** Invoices, Star transactions and pre-checkout answers. */
  stars: StarsState
  /** Plays a shopper paying an invoice: pre-checkout query, then successful_payment, to `webhook`. */
  payInvoice(webhook: StoreWebhook, input: PayInvoiceInput): Promise<PayInvoiceResult>
  /** Tells the shopper routes where the store's webhook is (tests learn the store's port late). */
  setStoreWebhook(webhook: StoreWebhook): void
  /** Sends an update to the store's webhook as Telegram would; answers the HTTP status. */
  sendUpdate(webhook: StoreWebhook, update: object): Promise<number>
  /** Answers the next `times` calls (matching `filter`) with `failure`. */
  failNext(failure: ScriptedFailure & FailureFilter, times?: number): void
  /** Resolves once `count` calls have arrived; rejects after `timeoutMs` (default 5,000). */
  waitForCalls(count: number, options?: { timeoutMs?: number }): Promise<BotApiCall[]>
  /** Forgets calls, deliveries, scripted failures, invoices and Star transactions. */
  reset(): void
  /** Closes the server, cutting any hanging request. */
  stop(): Promise<void>
}

export async function start(options: BotApiDoubleOptions = {}): Promise<BotApiDouble> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "The Bot API test double refuses to start with NODE_ENV=production: it accepts any token and delivers nothing. " +
        "Leave the Telegram notification provider's apiRoot unset (Telegram's) or point it at a real Bot API server."
    )
  }

  const { port = 0, host = "127.0.0.1", log = () => {} } = options
  const methods = new Map<string, MethodHandler>()
  for (const [name, handler] of Object.entries({ ...DEFAULT_METHODS, ...options.methods })) {
    methods.set(name.toLowerCase(), handler)
  }
  const state = createState()
  const calls: BotApiCall[] = []
  const scripted: Array<ScriptedFailure & FailureFilter> = []
  let storeWebhook = options.storeWebhook
  let nextUpdateId = 900_000
  const pay = (webhook: StoreWebhook, input: PayInvoiceInput) => payInvoice(state.stars, webhook, () => nextUpdateId++, input)

  const takeFailure = (method: string, params: Record<string, unknown>) => {
    const at = scripted.findIndex(
      (failure) =>
        (!failure.method || failure.method.toLowerCase() === method.toLowerCase()) &&
        (failure.chatId === undefined || String(failure.chatId) === String(params.chat_id))
    )
    return at === -1 ? undefined : scripted.splice(at, 1)[0]
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) {
        send(response, 500, { ok: false, error_code: 500, description: "Internal Server Error" })
      }
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://bot-api-double")
    if (url.pathname.startsWith(SHOPPER_PATH)) {
      return handleShopperRoute(request, response, url.pathname, { stars: state.stars, storeWebhook: () => storeWebhook, payInvoice: pay, log })
    }
    const route = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/.exec(url.pathname)
    if (!route || (request.method !== "POST" && request.method !== "GET")) {
      request.resume()
      return send(response, 404, { ok: false, error_code: 404, description: "Not Found" })
    }
    const token = decodeURIComponent(route[1])
    const method = route[2]

    let params: Record<string, unknown>
    try {
      params = await readRequestParams(request, url)
    } catch (error) {
      const description = error instanceof BadRequest ? error.message : "Bad Request: unreadable request"
      const call: BotApiCall = { method, token, params: {}, status: 0, at: Date.now() }
      calls.push(call)
      return answer(call, response, 400, { description })
    }
    const call: BotApiCall = { method, token, params, status: 0, at: Date.now() }
    calls.push(call)

    if (options.token !== undefined && token !== options.token) {
      return answer(call, response, 401, { description: "Unauthorized" })
    }

    const failure = takeFailure(method, params)
    if (failure) {
      switch (failure.kind) {
        case "hang":
          call.status = "hang"
          log(`${method} → no answer (scripted hang)`)
          return
        case "rate_limit":
          return answer(call, response, 429, {
            description: `Too Many Requests: retry after ${failure.retryAfter}`,
            parameters: { retry_after: failure.retryAfter },
            scripted: true,
          })
        case "forbidden":
          return answer(call, response, 403, {
            description: failure.description ?? "Forbidden: bot can't initiate conversation with a user",
            scripted: true,
          })
        case "server_error":
          return answer(call, response, failure.status ?? 500, { description: "Internal Server Error", scripted: true })
        case "bad_request":
          return answer(call, response, 400, {
            description: failure.description ?? "Bad Request: scripted failure",
            scripted: true,
          })
      }
    }

    const handler = methods.get(method.toLowerCase())
    if (!handler) {
      return answer(call, response, 404, { description: "Not Found" })
    }
    let result: unknown
    const deliveredBefore = state.delivered.length
    try {
      result = await handler(params, { token, state })
    } catch (error) {
      if (error instanceof BotApiError) {
        return answer(call, response, error.errorCode, {
          description: error.description,
          parameters: error.parameters,
        })
      }
      return answer(call, response, 500, { description: "Internal Server Error" })
    }
    call.status = 200
    logSuccess(method, state.delivered.slice(deliveredBefore))
    send(response, 200, { ok: true, result })
  }

  function answer(
    call: BotApiCall,
    response: ServerResponse,
    status: number,
    error: { description: string; parameters?: object; scripted?: boolean }
  ) {
    call.status = status
    log(`${call.method} → ${status} ${error.description}${error.scripted ? " (scripted)" : ""}`)
    send(response, status, {
      ok: false,
      error_code: status,
      description: error.description,
      ...(error.parameters ? { parameters: error.parameters } : {}),
    })
  }

  function logSuccess(method: string, newlyDelivered: DeliveredMessage[]) {
    if (!newlyDelivered.length) {
      log(`${method} → ok`)
    }
    for (const message of newlyDelivered) {
      const topic = message.messageThreadId ? `, topic ${message.messageThreadId}` : ""
      log(`${method} → chat ${message.chatId}${topic}, message ${message.messageId}:`)
      for (const line of message.text.split("\n")) {
        log(`  │ ${line}`)
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`

  let stopped: Promise<void> | undefined
  return {
    url,
    calls,
    delivered: state.delivered,
    stars: state.stars,
    payInvoice: pay,
    setStoreWebhook(webhook) {
      storeWebhook = webhook
    },
    sendUpdate: deliver,
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i++) {
        scripted.push(failure)
      }
    },
    async waitForCalls(count, { timeoutMs = 5_000 } = {}) {
      const deadline = Date.now() + timeoutMs
      while (calls.length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `Bot API double: expected ${count} calls within ${timeoutMs} ms, got ${calls.length} (${calls
              .map((call) => `${call.method}:${call.status}`)
              .join(", ")})`
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      return calls.slice(0, count)
    },
    reset() {
      calls.length = 0
      state.delivered.length = 0
      Object.assign(state.stars, createStarsState())
      scripted.length = 0
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return stopped
    },
  }
}

function send(response: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body)
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  })
  response.end(payload)
}
