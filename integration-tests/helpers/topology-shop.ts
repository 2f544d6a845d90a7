import { Agent, request } from "node:http"
import { Client } from "pg"
import { signInitData } from "./telegram-init-data"
import { until } from "./until"

/**
 * What the topology specs (integration-tests/topology) share: the system PostgreSQL, and a
 * shopper buying a course through nginx as the Mini App does (Telegram login, cart, Yookassa).
 */

const { DB_HOST = "localhost", DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env

export const DATABASE_SERVER = { host: DB_HOST, port: Number(DB_PORT) }

/** The database `name`, directly or through a proxy listening on `viaPort`. */
export function databaseUrl(name: string, viaPort?: number) {
  const password = DB_PASSWORD ? `:${encodeURIComponent(DB_PASSWORD)}` : ""
  const address = viaPort ? `127.0.0.1:${viaPort}` : `${DB_HOST}:${DB_PORT}`
  return `postgres://${encodeURIComponent(DB_USERNAME)}${password}@${address}/${name}`
}

export async function sql(database: string, text: string, values: unknown[] = []) {
  const client = new Client({ connectionString: databaseUrl(database) })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

export const adminSql = (text: string) => sql("postgres", text)

export type Reply = { status: number; headers: Headers; body: any; text: string }

export type NginxRequestInit = {
  method?: string
  headers?: Record<string, string>
  /** Sent as JSON. */
  json?: unknown
  signal?: AbortSignal
}

/** A request through nginx as the Mini App (or an admin's browser) makes it over HTTPS. */
export type NginxClient = (path: string, init?: NginxRequestInit) => Promise<Reply>

/**
 * Requests to nginx at `url()`, from `localAddress` (any 127.x address): each shopper of a crowd
 * comes from an address of its own, as phones do, so nginx's per-address login limit applies per
 * shopper. `onReply` sees every answer (headers and body).
 */
export function nginxClient({
  url,
  localAddress,
  onReply,
}: {
  url: () => string
  localAddress?: string
  onReply?: (reply: Reply) => void
}): NginxClient {
  const agent = new Agent({ keepAlive: true, localAddress })
  return (path, init = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const headers: Record<string, string> = { ...init.headers, "x-forwarded-proto": "https" }
      const payload = init.json === undefined ? undefined : JSON.stringify(init.json)
      if (payload !== undefined) {
        headers["content-type"] = "application/json"
      }
      const outgoing = request(
        `${url()}${path}`,
        { method: init.method ?? "GET", headers, agent, localAddress, signal: init.signal },
        (incoming) => {
          const chunks: Buffer[] = []
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk))
          incoming.on("error", reject)
          incoming.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8")
            const replyHeaders = new Headers()
            for (const [name, value] of Object.entries(incoming.headers)) {
              for (const each of Array.isArray(value) ? value : [value ?? ""]) {
                replyHeaders.append(name, each)
              }
            }
            const reply = { status: incoming.statusCode!, headers: replyHeaders, body: parsed(text), text }
            onReply?.(reply)
            resolve(reply)
          })
        }
      )
      outgoing.on("error", reject)
      outgoing.end(payload)
    })
}

function parsed(text: string): any {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A step of a purchase that did not answer 200: which one, and what nginx answered. */
export class PurchaseStepFailed extends Error {
  constructor(
    readonly step: string,
    readonly reply: Reply
  ) {
    super(`${step} answered ${reply.status}: ${reply.text.slice(0, 300)}`)
  }
}

async function expectOk(step: string, reply: Promise<Reply>): Promise<Reply> {
  const answer = await reply
  if (answer.status !== 200) {
    throw new PurchaseStepFailed(step, answer)
  }
  return answer
}

export type Shop = { botToken: string; publishableKey: string; regionId: string }

export type StoreHeaders = Record<string, string>

/** A Telegram user signs in with the Mini App's initData: the headers of their store requests. */
export async function signIn(http: NginxClient, shop: Shop, telegramId: number): Promise<StoreHeaders> {
  const initData = signInitData({ user: { id: telegramId, first_name: "Топология" } }, shop.botToken, new Date())
  const login = await expectOk(
    "login",
    http("/auth/customer/telegram", { method: "POST", headers: { authorization: `tma ${initData}` } })
  )
  return { "x-publishable-api-key": shop.publishableKey, authorization: `Bearer ${login.body.token}` }
}

export type StartedPurchase = { store: StoreHeaders; cartId: string; paymentId: string }

/** A Telegram shopper signs in and starts paying for the first course with Yookassa, all through nginx. */
export async function startPurchase(http: NginxClient, shop: Shop, telegramId: number): Promise<StartedPurchase> {
  const store = await signIn(http, shop, telegramId)
  const { body: catalogue } = await expectOk(
    "catalogue",
    http(`/store/products?limit=1&region_id=${shop.regionId}&fields=id,*variants`, { headers: store })
  )
  const { body: created } = await expectOk(
    "cart",
    http("/store/carts", {
      method: "POST",
      headers: store,
      json: { region_id: shop.regionId, email: "buyer@example.ru" },
    })
  )
  const cartId: string = created.cart.id
  await expectOk(
    "line item",
    http(`/store/carts/${cartId}/line-items`, {
      method: "POST",
      headers: store,
      json: { variant_id: catalogue.products[0].variants[0].id, quantity: 1 },
    })
  )
  const { body: collection } = await expectOk(
    "payment collection",
    http("/store/payment-collections", { method: "POST", headers: store, json: { cart_id: cartId } })
  )
  const session = await expectOk(
    "payment session",
    http(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, {
      method: "POST",
      headers: store,
      json: { provider_id: "pp_yookassa_yookassa" },
    })
  )
  return { store, cartId, paymentId: session.body.payment_collection.payment_sessions[0].data.id as string }
}

/** The shopper's orders, once there is one (polled every `intervalMs`). */
export const ordersOf = (http: NginxClient, store: StoreHeaders, timeoutMs?: number, intervalMs?: number) =>
  until(
    async () => {
      const { body } = await http("/store/orders?fields=id", { headers: store })
      return body.orders?.length ? (body.orders as Array<{ id: string }>) : undefined
    },
    "the shopper's order",
    timeoutMs,
    intervalMs
  )
