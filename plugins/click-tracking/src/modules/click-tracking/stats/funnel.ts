import type { CourseFunnel } from "./types"

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null)

/** The funnel's counts with the conversion between consecutive steps. */
export function funnelOf(counts: {
  views: number
  add_to_cart: number
  checkout_start: number
  purchases: number
}): Omit<CourseFunnel, "product_id"> {
  return {
    ...counts,
    conversion: {
      view_to_cart: ratio(counts.add_to_cart, counts.views),
      cart_to_checkout: ratio(counts.checkout_start, counts.add_to_cart),
      checkout_to_purchase: ratio(counts.purchases, counts.checkout_start),
    },
  }
}
