/** One event of a shopper's batch, as the ingest route stores it. */
export type NewClickEvent = {
  type: string
  session_id: string | null
  customer_id: string | null
  product_id: string | null
  category_id: string | null
  details: Record<string, unknown> | null
  occurred_at: Date
  received_at: Date
}
