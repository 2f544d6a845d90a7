/** What the Mini App may report. `purchase` is not here: the server records it when an order is placed. */
export const CLIENT_EVENT_TYPES = [
  "product_view",
  "category_view",
  "search",
  "add_to_cart",
  "remove_from_cart",
  "checkout_start",
  "payment_start",
  "share",
] as const

export const PURCHASE_EVENT = "purchase"
