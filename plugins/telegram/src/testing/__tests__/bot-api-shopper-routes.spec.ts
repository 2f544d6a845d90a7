import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { start, type BotApiDouble } from "../bot-api-double"

const TOKEN = "4242:double-test-token"
const SECRET = "store-webhook-secret-0123"

let api: BotApiDouble | undefined
let store: Server | undefined

afterEach(async () => {
  await api?.stop()
  await new Promise((resolve) => (store ? store.close(resolve) : resolve(undefined)))
  api = store = undefined
})

/** A store's bot webhook that answers pre-checkout queries with `ok` and records every update. */
async function startStore(ok: boolean) {
  const updates: Array<{ secret: string | undefined; update: any }> = []
  store = createServer(async (request, response) => {
    let body = ""
    for await (const chunk of request) body += String(chunk)
    const update = JSON.parse(body)
    updates.push({ secret: request.headers["x-telegram-bot-api-secret-token"] as string | undefined, update })
    if (update.pre_checkout_query) {
      const answer = ok ? { ok } : { ok, error_message: "Корзина изменилась" }
      await fetch(`${api!.url}/bot${TOKEN}/answerPreCheckoutQuery`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ pre_checkout_query_id: update.pre_checkout_query.id, ...answer }),
      })
    }
    response.end("ok")
  })
  await new Promise<void>((resolve) => store!.listen(0, "127.0.0.1", resolve))
  return { url: `http://127.0.0.1:${(store.address() as AddressInfo).port}/hooks/telegram`, updates }
}

async function invoice() {
  const response = await fetch(`${api!.url}/bot${TOKEN}/createInvoiceLink`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      title: "AI Store",
      description: "Курс",
      payload: "aistore:payses_1:cart_1",
      currency: "XTR",
      prices: [{ label: "Курс", amount: 2494 }],
    }),
  })
  const link = ((await response.json()) as { result: string }).result
  return link.replace("https://t.me/$", "")
}

const shopper = (path: string, init?: RequestInit) => fetch(`${api!.url}/telegram-double/invoices/${path}`, init)
const pay = (slug: string, body: unknown) =>
  shopper(`${slug}/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })

describe("Bot API double: the shopper's part for a stand-in Telegram client", () => {
  it("shows an invoice, and paying it sends the store the pre-checkout query, then the successful payment", async () => {
    const { url, updates } = await startStore(true)
    api = await start({ storeWebhook: { url, secret: SECRET } })
    const slug = await invoice()

    expect(await (await shopper(slug)).json()).toEqual({ title: "AI Store", amount: 2494, currency: "XTR" })
    const paid = await pay(slug, { user_id: 77 })
    expect(await paid.json()).toEqual({ status: "paid" })

    expect(updates.map(({ secret }) => secret)).toEqual([SECRET, SECRET])
    expect(updates[0].update.pre_checkout_query).toMatchObject({
      total_amount: 2494,
      currency: "XTR",
      invoice_payload: "aistore:payses_1:cart_1",
    })
    expect(updates[1].update.message.successful_payment).toMatchObject({
      total_amount: 2494,
      telegram_payment_charge_id: api.stars.transactions[0].id,
    })
    expect(api.stars.transactions).toEqual([
      expect.objectContaining({
        amount: 2494,
        source: expect.objectContaining({ user: expect.objectContaining({ id: 77 }) }),
      }),
    ])
  })

  it("answers failed when the store refuses the pre-checkout query, and takes no Stars", async () => {
    const { url } = await startStore(false)
    api = await start()
    api.setStoreWebhook({ url, secret: SECRET })
    const slug = await invoice()
    expect(await (await pay(slug, { user_id: 77 })).json()).toEqual({ status: "failed" })
    expect(api.stars.transactions).toEqual([])
  })

  it("refuses an unknown invoice, a missing webhook and a missing shopper", async () => {
    api = await start()
    expect((await shopper("nothing")).status).toBe(404)
    const slug = await invoice()
    expect((await pay(slug, { user_id: 77 })).status).toBe(409)
    api.setStoreWebhook({ url: "http://127.0.0.1:9/hooks/telegram", secret: SECRET })
    expect((await pay(slug, {})).status).toBe(400)
    expect((await pay(slug, { user_id: "x" })).status).toBe(400)
    expect((await shopper(`${slug}/refund`, { method: "POST" })).status).toBe(404)
    expect(api.stars.transactions).toEqual([])
  })
})
