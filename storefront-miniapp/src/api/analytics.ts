import { BACKEND_URL } from "./http"

/**
 * Shopper analytics, batched to `POST /store/clicks`: sent every few seconds or when a batch
 * fills, and flushed with `fetch(..., { keepalive: true })` when the Mini App is hidden
 * (sendBeacon cannot carry the publishable key or the token).
 */
export type ClickEventType =
  | "product_view"
  | "category_view"
  | "search"
  | "add_to_cart"
  | "remove_from_cart"
  | "checkout_start"
  | "payment_start"
  | "share"

interface ClickEvent {
  type: ClickEventType
  session_id: string
  product_id?: string
  category_id?: string
  details?: Record<string, unknown>
  occurred_at: string
}

const FLUSH_EVERY_MS = 5_000
const MAX_BATCH = 50

const queue: ClickEvent[] = []
let timer: ReturnType<typeof setTimeout> | undefined
let headers: () => Record<string, string> | undefined = () => undefined
/** A random UUID (the ingest refuses anything guessable, so nobody can claim another shopper's session). */
function randomUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID()
  // Older WebKit: a version 4 UUID from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const sessionId = randomUuid()

/** Where to send and with which headers (publishable key, and the token once signed in). */
export function configureAnalytics(getHeaders: () => Record<string, string> | undefined): void {
  headers = getHeaders
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void flush()
  })
  window.addEventListener("pagehide", () => void flush())
}

export function track(
  type: ClickEventType,
  fields: Omit<ClickEvent, "type" | "session_id" | "occurred_at"> = {}
): void {
  queue.push({ type, session_id: sessionId, ...fields, occurred_at: new Date().toISOString() })
  if (queue.length >= MAX_BATCH) void flush()
  else timer ??= setTimeout(() => void flush(), FLUSH_EVERY_MS)
}

export async function flush(): Promise<void> {
  if (timer) clearTimeout(timer)
  timer = undefined
  // Read synchronously: on pagehide the request must leave before the page is frozen.
  const current = headers()
  if (!queue.length) return
  if (!current) {
    timer = setTimeout(() => void flush(), FLUSH_EVERY_MS)
    return
  }
  const events = queue.splice(0, MAX_BATCH)
  try {
    await fetch(`${BACKEND_URL}/store/clicks`, {
      method: "POST",
      keepalive: true,
      headers: { "content-type": "application/json", ...current },
      body: JSON.stringify({ events }),
    })
  } catch {
    // Analytics never gets in the shopper's way: a lost batch is lost.
  }
  if (queue.length) timer ??= setTimeout(() => void flush(), FLUSH_EVERY_MS)
}
