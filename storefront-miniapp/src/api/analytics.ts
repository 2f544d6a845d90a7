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

let queue: ClickEvent[] = []
let timer: ReturnType<typeof setTimeout> | undefined
let headers: () => Record<string, string> | undefined = () => undefined
const sessionId = Math.random().toString(36).slice(2) + Date.now().toString(36)

/** Where to send and with which headers (publishable key, and the token once signed in). */
export function configureAnalytics(getHeaders: () => Record<string, string> | undefined): void {
  headers = getHeaders
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void flush()
  })
  window.addEventListener("pagehide", () => void flush())
}

export function track(type: ClickEventType, fields: Omit<ClickEvent, "type" | "session_id" | "occurred_at"> = {}): void {
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
