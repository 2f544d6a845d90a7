import type { IncomingMessage, ServerResponse } from "node:http"
import type { StarsState } from "./stars"
import type { PayInvoiceInput, PayInvoiceResult, StoreWebhook } from "./stars-shopper"

/** Where a stand-in Telegram client (the Mini App outside Telegram, in local mode) asks the double to play the shopper. */
export const SHOPPER_PATH = "/telegram-double/invoices/"

type ShopperRoutes = {
  stars: StarsState
  storeWebhook: () => StoreWebhook | undefined
  payInvoice: (webhook: StoreWebhook, input: PayInvoiceInput) => Promise<PayInvoiceResult>
  log: (line: string) => void
}

const MAX_BODY = 1024

/**
 * `GET /telegram-double/invoices/<slug>`: the invoice's title and Stars, for the stand-in's
 * payment sheet; `POST …/<slug>/pay` with `{ user_id }`: the shopper pays (pre-checkout query,
 * then successful_payment, to the store's webhook) and the answer is the status Telegram's
 * `invoice_closed` event would carry: `paid`, or `failed` when the store said no.
 */
export async function handleShopperRoute(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  routes: ShopperRoutes
): Promise<void> {
  // Telegram's slugs are [A-Za-z0-9_=-]: nothing to decode.
  const [slug, action] = path.slice(SHOPPER_PATH.length).split("/")
  const invoice = routes.stars.invoices.get(`https://t.me/$${slug}`)
  if (!invoice) {
    return sendJson(response, 404, { error: `No invoice ${slug}` })
  }
  if (request.method === "GET" && action === undefined) {
    return sendJson(response, 200, { title: invoice.title, amount: invoice.amount, currency: invoice.currency })
  }
  if (request.method !== "POST" || action !== "pay") {
    return sendJson(response, 404, { error: "Not Found" })
  }
  const webhook = routes.storeWebhook()
  if (!webhook) {
    return sendJson(response, 409, {
      error: "The double was not told the store's webhook (start option storeWebhook, or setStoreWebhook)",
    })
  }
  const userId = Number((await readJson(request))?.user_id)
  if (!Number.isSafeInteger(userId) || userId <= 0) {
    return sendJson(response, 400, { error: "user_id must be the shopper's Telegram id" })
  }
  const result = await routes.payInvoice(webhook, { link: invoice.link, userId })
  routes.log(
    `shopper ${userId} paid invoice ${slug}: ${result.answer.ok ? `${invoice.amount} Stars, charge ${result.transaction?.id}` : `refused (${result.answer.error_message})`}`
  )
  sendJson(response, 200, { status: result.answer.ok ? "paid" : "failed" })
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let body = ""
  for await (const chunk of request) {
    body += String(chunk)
    if (body.length > MAX_BODY) {
      return undefined
    }
  }
  try {
    const parsed: unknown = JSON.parse(body)
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body)
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) })
  response.end(payload)
}
