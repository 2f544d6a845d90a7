/**
 * The invoice payload names the Medusa payment session and its cart. Only this store's bot
 * can make an invoice, so a payload in an update that carried the webhook secret is ours.
 */
const PREFIX = "aistore"

export type InvoicePayload = { session_id: string; cart_id: string }

export function encodeInvoicePayload({ session_id, cart_id }: InvoicePayload): string {
  return `${PREFIX}:${session_id}:${cart_id}`
}

/** The session and cart a payload names, or undefined when it is not one of this store's. */
export function decodeInvoicePayload(payload: string | undefined): InvoicePayload | undefined {
  const match = /^aistore:(payses_[A-Za-z0-9]+):(cart_[A-Za-z0-9]+)$/.exec(payload ?? "")
  return match ? { session_id: match[1], cart_id: match[2] } : undefined
}
