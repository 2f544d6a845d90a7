/**
 * Every route the store serves to the public (stock `/store/*` routes our plugins guard, every
 * route of our plugins and the app) and every admin route of ours, as the hostile-input suite
 * walks them. `:name` in a path is filled from the fixtures (the shopper's own ids, another
 * shopper's, or hostile text); `body` is the valid request a mutation starts from.
 */
export type Credential = "none" | "publishable" | "customer" | "admin" | "initData" | "webhookSecret"

export type FuzzRoute = {
  method: "GET" | "POST" | "DELETE"
  path: string
  credential: Credential
  query?: Record<string, string>
  body?: (fixtures: Fixtures) => unknown
}

/** The ids a request can use: the signed-in shopper's (`own`) and another shopper's (`other`). */
export type Fixtures = {
  regionId: string
  productId: string
  productHandle: string
  variantId: string
  categoryId: string
  own: { cartId: string; lineItemId: string; paymentCollectionId: string; orderId: string }
  other: { cartId: string; lineItemId: string; paymentCollectionId: string; orderId: string }
}

/** A param's own value: the shopper's ids for carts, lines, collections and orders; the catalogue's for the rest. */
export function ownParam(name: string, fixtures: Fixtures): string {
  const values: Record<string, string> = {
    cart: fixtures.own.cartId,
    line: fixtures.own.lineItemId,
    collection: fixtures.own.paymentCollectionId,
    order: fixtures.own.orderId,
    product: fixtures.productId,
    handle: fixtures.productHandle,
    region: fixtures.regionId,
    category: fixtures.categoryId,
    slug: "offer",
    provider: "telegram",
  }
  return values[name] ?? name
}

/** The same param belonging to someone else, where that means anything. */
export function otherParam(name: string, fixtures: Fixtures): string | undefined {
  const values: Record<string, string> = {
    cart: fixtures.other.cartId,
    line: fixtures.other.lineItemId,
    collection: fixtures.other.paymentCollectionId,
    order: fixtures.other.orderId,
  }
  return values[name]
}

const clickBatch = (fixtures: Fixtures) => ({
  events: [
    {
      type: "course_view",
      occurred_at: new Date().toISOString(),
      session_id: "fuzz-session",
      product_id: fixtures.productId,
      details: { source: "catalogue" },
    },
    { type: "category_view", occurred_at: new Date().toISOString(), category_id: fixtures.categoryId },
  ],
})

const telegramUpdate = () => ({
  update_id: 1,
  message: {
    message_id: 1,
    date: Math.floor(Date.now() / 1000),
    chat: { id: 7001, type: "private" },
    from: { id: 7001, is_bot: false, first_name: "Fuzz" },
    text: "/start",
  },
})

const yookassaNotification = () => ({
  type: "notification",
  event: "payment.succeeded",
  object: { id: "2f1f0d3a-000f-5000-8000-1b4f2a3c4d5e", status: "succeeded", paid: true },
})

export const FUZZ_ROUTES: FuzzRoute[] = [
  // The app's catalogue, storefront and legal pages.
  { method: "GET", path: "/store/catalog", credential: "publishable", query: { region_id: ":region" } },
  { method: "GET", path: "/store/catalog/courses/:handle", credential: "publishable", query: { region_id: ":region" } },
  { method: "GET", path: "/store/catalog/owned", credential: "customer" },
  { method: "GET", path: "/storefront/catalog", credential: "none", query: { region_id: ":region" } },
  { method: "GET", path: "/storefront/catalog/courses/:handle", credential: "none" },
  { method: "GET", path: "/storefront/config", credential: "none" },
  { method: "GET", path: "/store/legal-pages/:slug", credential: "publishable", query: { language: "ru" } },
  // Click tracking and course access.
  { method: "POST", path: "/store/clicks", credential: "publishable", body: clickBatch },
  { method: "GET", path: "/store/customers/me/courses", credential: "customer" },
  // Stock store routes our plugins guard or the Mini App uses.
  { method: "GET", path: "/store/products", credential: "publishable", query: { region_id: ":region", limit: "5" } },
  { method: "GET", path: "/store/products/:product", credential: "publishable", query: { region_id: ":region" } },
  { method: "GET", path: "/store/product-categories", credential: "publishable" },
  {
    method: "POST",
    path: "/store/carts",
    credential: "customer",
    body: (fixtures) => ({
      region_id: fixtures.regionId,
      email: "fuzz@example.ru",
      items: [{ variant_id: fixtures.variantId, quantity: 1 }],
    }),
  },
  { method: "GET", path: "/store/carts/:cart", credential: "customer" },
  {
    method: "POST",
    path: "/store/carts/:cart",
    credential: "customer",
    body: () => ({ email: "fuzz@example.ru", metadata: { a: 1 } }),
  },
  {
    method: "POST",
    path: "/store/carts/:cart/line-items",
    credential: "customer",
    body: (fixtures) => ({ variant_id: fixtures.variantId, quantity: 1 }),
  },
  {
    method: "POST",
    path: "/store/carts/:cart/line-items/:line",
    credential: "customer",
    body: () => ({ quantity: 1 }),
  },
  { method: "DELETE", path: "/store/carts/:cart/line-items/:line", credential: "customer" },
  { method: "POST", path: "/store/carts/:cart/customer", credential: "customer", body: () => ({}) },
  {
    method: "POST",
    path: "/store/carts/:cart/promotions",
    credential: "customer",
    body: () => ({ promo_codes: ["SPRING"] }),
  },
  { method: "POST", path: "/store/carts/:cart/complete", credential: "customer", body: () => ({}) },
  {
    method: "POST",
    path: "/store/payment-collections",
    credential: "customer",
    body: (fixtures) => ({ cart_id: fixtures.own.cartId }),
  },
  {
    method: "POST",
    path: "/store/payment-collections/:collection/payment-sessions",
    credential: "customer",
    body: () => ({ provider_id: "pp_yookassa_yookassa", data: { email: "fuzz@example.ru" } }),
  },
  { method: "GET", path: "/store/customers/me", credential: "customer" },
  {
    method: "POST",
    path: "/store/customers/me",
    credential: "customer",
    body: () => ({ first_name: "Fuzz", metadata: { a: 1 } }),
  },
  {
    method: "POST",
    path: "/store/customers",
    credential: "customer",
    body: () => ({ email: "fuzz@example.ru", first_name: "Fuzz" }),
  },
  { method: "GET", path: "/store/orders", credential: "customer" },
  { method: "GET", path: "/store/orders/:order", credential: "customer" },
  // Sign-in: ours, and every stock auth route a provider id reaches.
  { method: "POST", path: "/auth/customer/telegram", credential: "initData", body: () => ({}) },
  { method: "POST", path: "/auth/customer/:provider", credential: "initData", body: () => ({}) },
  { method: "GET", path: "/auth/customer/:provider", credential: "initData" },
  { method: "POST", path: "/auth/customer/:provider/register", credential: "initData", body: () => ({}) },
  { method: "POST", path: "/auth/customer/:provider/callback", credential: "initData", body: () => ({}) },
  { method: "POST", path: "/auth/token/refresh", credential: "customer", body: () => ({}) },
  // Webhooks.
  { method: "POST", path: "/hooks/payment/yookassa_yookassa", credential: "none", body: yookassaNotification },
  { method: "POST", path: "/hooks/payment/:provider", credential: "none", body: yookassaNotification },
  { method: "POST", path: "/hooks/telegram", credential: "webhookSecret", body: telegramUpdate },
  // Admin routes of ours, with an admin's token.
  { method: "GET", path: "/admin/clicks/stats", credential: "admin", query: { from: "2026-01-01", to: "2026-12-31" } },
  { method: "GET", path: "/admin/clicks/export", credential: "admin", query: { from: "2026-01-01", to: "2026-12-31" } },
  { method: "GET", path: "/admin/products/:product/course-access", credential: "admin" },
  {
    method: "POST",
    path: "/admin/products/:product/course-access",
    credential: "admin",
    body: () => ({ materials_url: "https://example.com/course", instructions: "Welcome" }),
  },
  { method: "GET", path: "/admin/orders/:order/course-access", credential: "admin" },
  {
    method: "POST",
    path: "/admin/orders/:order/course-access/revoke",
    credential: "admin",
    body: () => ({ reason: "fuzz" }),
  },
  { method: "GET", path: "/admin/orders/:order/yookassa", credential: "admin" },
  { method: "GET", path: "/admin/orders/:order/telegram-stars", credential: "admin" },
  { method: "GET", path: "/admin/legal-pages", credential: "admin" },
  {
    method: "POST",
    path: "/admin/legal-pages/:slug",
    credential: "admin",
    body: () => ({ language: "ru", title: "Оферта", body: "Текст оферты" }),
  },
]
