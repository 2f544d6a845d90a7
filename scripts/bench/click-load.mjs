import { randomBytes, randomUUID } from "node:crypto"
import { sign } from "@telegram-apps/init-data-node"
import { once } from "./load.mjs"

/** Events one customer sends in all: under the click plugin's default budget of 1000 a minute per client. */
const EVENTS_PER_CUSTOMER = 900
const SIGN_INS_AT_ONCE = 4

/** Customers needed to send `events` events without any of them going over its budget. */
export const customersFor = (events) => Math.ceil(events / EVENTS_PER_CUSTOMER)

/** Telegram customers signed in on `baseUrl` (initData signed with `botToken`): their bearer tokens. */
export async function signInCustomers(baseUrl, botToken, count) {
  const firstId = 800_000_000 + (randomBytes(3).readUIntBE(0, 3) % 1000) * 10_000
  const tokens = []
  let next = 0
  await Promise.all(
    Array.from({ length: SIGN_INS_AT_ONCE }, async () => {
      while (next < count) {
        const id = firstId + next++
        const initData = sign({ user: { id, first_name: "Bench" } }, botToken, new Date())
        const { status, body } = await once(baseUrl, {
          path: "/auth/customer/telegram",
          method: "POST",
          body: {},
          headers: { authorization: `tma ${initData}` },
        })
        if (status !== 200) {
          throw new Error(`Telegram sign-in: ${status} ${JSON.stringify(body).slice(0, 200)}`)
        }
        tokens.push(body.token)
      }
    })
  )
  return tokens
}

/**
 * POST /store/clicks requests of `perRequest` events each, from the signed-in customers in turn,
 * each sending at most its budget: the Mini App's events, its sessions (UUIDs, as the store requires).
 */
export function clickRequests({ tokens, publishableKey, productIds, perRequest }) {
  const sessions = Array.from({ length: 500 }, () => randomUUID())
  let sent = 0
  return () => {
    const token = tokens[Math.floor(sent / EVENTS_PER_CUSTOMER)]
    if (!token) {
      throw new Error(`more click events than ${tokens.length} customers may send: sign more in`)
    }
    const events = Array.from({ length: perRequest }, (_, k) => ({
      type: "product_view",
      session_id: sessions[(sent + k) % sessions.length],
      product_id: productIds[(sent + k) % productIds.length],
      occurred_at: new Date().toISOString(),
    }))
    sent += perRequest
    return {
      path: "/store/clicks",
      method: "POST",
      body: { events },
      headers: { "x-publishable-api-key": publishableKey, authorization: `Bearer ${token}` },
    }
  }
}
