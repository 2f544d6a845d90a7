import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { createApiHandler } from "./api-routes"
import { createWidgetHandler, WIDGET_SCRIPT_PATH } from "./checkout-widget"
import { createCheckoutHandler } from "./confirmation-page"
import { errorBody } from "./errors"
import { Faults } from "./faults"
import { sendJson } from "./http"
import { parseKopecks } from "./money"
import { Notifier } from "./notifications"
import { Ledger } from "./payments"
import type { RequestRecord, SandboxLogger, YookassaSandbox, YookassaSandboxOptions } from "./types"

const SILENT: SandboxLogger = { info: () => undefined, warn: () => undefined }

/**
 * Starts the Yookassa sandbox: Yookassa API v3's payment and refund methods under `/v3`, a payment
 * page under `/checkout/:id`, and notifications POSTed to `webhookUrl`. A development tool: it
 * accepts no real cards and moves no money, so it refuses to start under NODE_ENV=production.
 */
export async function startYookassaSandbox(options: YookassaSandboxOptions): Promise<YookassaSandbox> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "The Yookassa sandbox is a development tool and refuses to run with NODE_ENV=production: configure a real Yookassa shop (YOOKASSA_SHOP_ID, YOOKASSA_SECRET_KEY) instead"
    )
  }
  if (!options.shopId || !options.secretKey) {
    throw new Error("The Yookassa sandbox needs a shopId and a secretKey to check API requests against")
  }
  const logger = options.logger ?? SILENT
  const host = options.host ?? "127.0.0.1"
  const server = createServer()
  await listen(server, options.port ?? 0, host)
  const url = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`
  const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "")

  const stopping = new AbortController()
  const faults = new Faults(() => notifier.releaseHeld())
  const notifier = new Notifier(options.webhookUrl, faults, logger, options.senderAddress)
  const ledger = new Ledger(
    { shopId: options.shopId, publicUrl },
    (event, object) => notifier.notify(event, object),
    logger
  )
  const requests: RequestRecord[] = []
  const api = createApiHandler({
    shopId: options.shopId,
    secretKey: options.secretKey,
    ledger,
    faults,
    requests,
    logger,
    stopping: stopping.signal,
  })
  const checkout = createCheckoutHandler(ledger)
  const widget = createWidgetHandler(ledger)

  server.on("request", (request, response) => {
    const target = new URL(request.url ?? "/", url)
    const handler =
      target.pathname === "/v3" || target.pathname.startsWith("/v3/")
        ? api
        : target.pathname.startsWith("/checkout/")
          ? checkout
          : target.pathname.startsWith("/checkout-widget/")
            ? widget
            : undefined
    if (!handler) {
      sendJson(response, 404, errorBody("not_found", `${target.pathname} is not served by the Yookassa sandbox`))
      return
    }
    handler(request, response, target).catch((error: unknown) => {
      logger.warn(
        `request ${request.method} ${target.pathname} failed: ${error instanceof Error ? error.stack : String(error)}`
      )
      if (response.headersSent) {
        response.destroy()
      } else {
        sendJson(response, 500, errorBody("internal_server_error", "Internal sandbox error"))
      }
    })
  })
  logger.info(`listening on ${url} (API ${url}/v3, payment pages ${publicUrl}/checkout/<id>)`)

  return {
    url,
    apiUrl: `${url}/v3`,
    widgetUrl: `${publicUrl}${WIDGET_SCRIPT_PATH}`,
    setWebhookUrl: (webhookUrl) => notifier.setWebhookUrl(webhookUrl),
    pay: async (paymentId) => ledger.pay(paymentId).payment,
    decline: async (paymentId) => ledger.decline(paymentId).payment,
    refundFromDashboard: async (paymentId, amount) => {
      const amountKopecks = amount === undefined ? ledger.refundableKopecks(paymentId) : parseKopecks(amount)
      if (amountKopecks === undefined || amountKopecks <= 0) {
        throw new Error(
          `Nothing to refund on payment ${paymentId}: amount ${amount ?? "left"} is not a positive decimal`
        )
      }
      return ledger.createRefund({ paymentId, amountKopecks, description: "Возврат из личного кабинета ЮKassa" })
    },
    payment: (id) => ledger.payment(id),
    payments: () => ledger.payments(),
    refunds: (paymentId) => ledger.refunds(paymentId),
    requests,
    notifications: notifier.records,
    faults,
    flushNotifications: () => notifier.flush(),
    stop: async () => {
      stopping.abort()
      await notifier.stop()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      logger.info("stopped")
    },
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
}

/** A URL host for the listening address: the loopback for "any address", brackets for IPv6. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") {
    return "127.0.0.1"
  }
  return host.includes(":") ? `[${host}]` : host
}
