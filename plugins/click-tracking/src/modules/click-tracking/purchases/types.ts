/** A course bought in an order: recorded once per order and course. */
export type PurchaseInput = {
  order_id: string
  product_id: string
  customer_id: string | null
  quantity: number
  occurred_at: Date
}
