import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { handleRequest, send, type BotApiCall, type RequestContext } from "./bot-api/handle-request"
import { createState, DEFAULT_METHODS, type DeliveredMessage, type MethodHandler } from "./bot-api/methods"
import { createFailureScript, type FailureFilter, type ScriptedFailure } from "./bot-api/scripted-failures"
import { createStarsState, type StarsState } from "./bot-api/stars"
import { handleShopperRoute, SHOPPER_PATH } from "./bot-api/shopper-routes"
import {
  deliver,
  payInvoice,
  type PayInvoiceInput,
  type PayInvoiceResult,
  type StoreWebhook,
} from "./bot-api/stars-shopper"

export { BotApiError, DEFAULT_METHODS } from "./bot-api/methods"
export type { DeliveredMessage, MethodContext, MethodHandler } from "./bot-api/methods"
export type { DoubleInvoice, DoubleStarTransaction, StarsState } from "./bot-api/stars"
export type { PayInvoiceInput, PayInvoiceResult, StoreWebhook } from "./bot-api/stars-shopper"
export type { BotApiCall } from "./bot-api/handle-request"
export type { FailureFilter, ScriptedFailure } from "./bot-api/scripted-failures"

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
  refuseProduction()
  const { port = 0, host = "127.0.0.1", log = () => {} } = options
  const context: RequestContext = {
    methods: methodsByName({ ...DEFAULT_METHODS, ...options.methods }),
    state: createState(),
    calls: [],
    script: createFailureScript(),
    token: options.token,
    log,
  }
  const shopper = createShopperSide(context.state.stars, options.storeWebhook, log)
  const server = createServer((request, response) => {
    const answered = request.url?.startsWith(SHOPPER_PATH)
      ? shopper.handle(request, response)
      : handleRequest(context, request, response)
    answered.catch(() => {
      if (!response.headersSent) {
        send(response, 500, { ok: false, error_code: 500, description: "Internal Server Error" })
      }
    })
  })
  const url = await listen(server, port, host)
  return controls(url, server, context, shopper)
}

/** The shopper's side of Stars: paying invoices, for tests and for the Mini App's stand-in client. */
function createShopperSide(stars: StarsState, initialWebhook: StoreWebhook | undefined, log: (line: string) => void) {
  let storeWebhook = initialWebhook
  let nextUpdateId = 900_000
  const pay = (webhook: StoreWebhook, input: PayInvoiceInput) => payInvoice(stars, webhook, () => nextUpdateId++, input)
  return {
    pay,
    setStoreWebhook(webhook: StoreWebhook) {
      storeWebhook = webhook
    },
    handle: (request: IncomingMessage, response: ServerResponse) =>
      handleShopperRoute(request, response, new URL(request.url ?? "/", "http://bot-api-double").pathname, {
        stars,
        storeWebhook: () => storeWebhook,
        payInvoice: pay,
        log,
      }),
  }
}

function refuseProduction() {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "The Bot API test double refuses to start with NODE_ENV=production: it accepts any token and delivers nothing. " +
        "Leave the Telegram notification provider's apiRoot unset (Telegram's) or point it at a real Bot API server."
    )
  }
}

/** Telegram's method names are case-insensitive. */
function methodsByName(methods: Record<string, MethodHandler>): Map<string, MethodHandler> {
  return new Map(Object.entries(methods).map(([name, handler]) => [name.toLowerCase(), handler]))
}

async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  return `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`
}

/** What a test holds: the recorded calls and deliveries, and the knobs to script the double. */
function controls(
  url: string,
  server: Server,
  { state, calls, script }: RequestContext,
  shopper: ReturnType<typeof createShopperSide>
): BotApiDouble {
  let stopped: Promise<void> | undefined
  return {
    url,
    calls,
    delivered: state.delivered,
    stars: state.stars,
    payInvoice: shopper.pay,
    setStoreWebhook: shopper.setStoreWebhook,
    sendUpdate: deliver,
    failNext(failure, times = 1) {
      script.add(failure, times)
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
      script.clear()
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
