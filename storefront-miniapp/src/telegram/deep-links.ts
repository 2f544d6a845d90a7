import type { InvoiceStatus } from "./client"

/**
 * Where a launch lands. Telegram passes `startapp=<payload>` of a t.me link to the Mini App as
 * the launch's `start_param` (`tgWebAppStartParam`); the bot's /start button and Yookassa's
 * return URL in local mode put it in the page URL as `?startapp=` instead. Payloads are
 * Telegram's [A-Za-z0-9_-]{1,64}.
 */
export type Route =
  | { name: "catalogue" }
  | { name: "course"; handle: string }
  | { name: "checkout" }
  /** `invoice`: how Telegram's Stars payment sheet was closed, when the checkout just opened it. */
  | { name: "order"; cartId: string; invoice?: InvoiceStatus }
  | { name: "my-courses" }
  | { name: "legal"; slug: string }

const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/
const HANDLE = /^[a-z0-9][a-z0-9-]{0,62}$/
const CART_ID = /^cart_[A-Za-z0-9]{1,58}$/

/** The start parameter: the launch's own first, else `?startapp=` in the page URL. */
export function readStartParam(launchStartParam: string | null | undefined, search: string): string | undefined {
  const candidates = [launchStartParam, new URLSearchParams(search).get("startapp")]
  return candidates.find((value): value is string => typeof value === "string" && PAYLOAD.test(value))
}

/** `course_<handle>` → that course, `order_<cart id>` → its status page; anything else → the catalogue. */
export function routeFromStartParam(payload: string | undefined): Route {
  if (payload?.startsWith("course_")) {
    const handle = payload.slice("course_".length)
    if (HANDLE.test(handle)) return { name: "course", handle }
  }
  if (payload?.startsWith("order_")) {
    const cartId = payload.slice("order_".length)
    if (CART_ID.test(cartId)) return { name: "order", cartId }
  }
  if (payload === "my_courses") return { name: "my-courses" }
  return { name: "catalogue" }
}

/**
 * Where this page load lands: a `?startapp=` in the page URL (the payment page's return, the
 * bot's button) first; then a payment opened from this session, whose outcome the shopper has not
 * seen (a reload after the payment page keeps the launch's own start parameter, which must not
 * win); then the launch's start parameter.
 */
export function launchRoute(
  launchStartParam: string | undefined,
  payingCartId: string | undefined,
  search: string
): Route {
  const fromUrl = readStartParam(undefined, search)
  if (fromUrl) return routeFromStartParam(fromUrl)
  if (payingCartId) return { name: "order", cartId: payingCartId }
  return routeFromStartParam(readStartParam(launchStartParam, ""))
}

/** The screens under a deep-linked one, so that Back leads somewhere sensible. */
export function initialStack(route: Route): Route[] {
  return route.name === "catalogue" ? [route] : [{ name: "catalogue" }, route]
}

/** The payload that opens a course (for sharing), or undefined when the handle cannot be one. */
export function courseStartParam(handle: string): string | undefined {
  const payload = `course_${handle}`
  return HANDLE.test(handle) && PAYLOAD.test(payload) ? payload : undefined
}
