export type ClickStatsFilter = {
  from: Date
  to: Date
  /** Only these courses (a course, or the courses of a category). */
  productIds?: string[]
  /** With productIds, the category they are the courses of: its own category_view events count too. */
  categoryId?: string
  /** The store's time zone: `daily` counts its calendar days. */
  timeZone: string
}

export type CourseFunnel = {
  product_id: string
  views: number
  add_to_cart: number
  checkout_start: number
  purchases: number
  /** Share of the previous step that reached this one (0..1), null when the previous step is 0. */
  conversion: { view_to_cart: number | null; cart_to_checkout: number | null; checkout_to_purchase: number | null }
}

export type ClickStats = {
  range: { from: string; to: string }
  /** The zone whose calendar days `daily` counts. */
  time_zone: string
  totals: Record<string, number>
  funnel: Omit<CourseFunnel, "product_id">
  courses: CourseFunnel[]
  daily: { day: string; counts: Record<string, number> }[]
  top_courses: { product_id: string; purchases: number; views: number }[]
  top_searches: { query: string; count: number }[]
}
