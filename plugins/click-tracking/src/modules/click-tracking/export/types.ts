/** One raw event as the CSV export lists it. */
export type ExportedEvent = {
  id: string
  type: string
  occurred_at: Date
  received_at: Date
  customer_id: string | null
  session_id: string | null
  product_id: string | null
  category_id: string | null
  order_id: string | null
  details: Record<string, unknown> | null
  /** occurred_at exactly as stored (microseconds, which a Date drops): where the next page starts. */
  cursor: string
}

/** A page of events in [from, to), in (occurred_at, id) order, after the given event. */
export type ExportPageQuery = {
  from: Date
  to: Date
  after?: Pick<ExportedEvent, "cursor" | "id">
  limit: number
}
