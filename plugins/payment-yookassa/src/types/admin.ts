/** One Yookassa payment of an order, as GET /admin/orders/:id/yookassa returns it. */
export type AdminYookassaPayment = {
  /** Medusa's payment id. */
  payment_id: string
  yookassa_id: string
  status: "pending" | "waiting_for_capture" | "succeeded" | "canceled"
  /** Made in a test shop (no real money). */
  test: boolean | null
  amount: { value: string; currency: string } | null
  receipt: { contact: string | null; items: number; registration: "pending" | "succeeded" | "canceled" | null } | null
  refunds: Array<{
    id: string
    amount: string
    status: string
    created_at: string
    /** Asked for from Medusa, or made in Yookassa's dashboard. */
    source: "medusa" | "yookassa"
  }>
  /** Read from Yookassa just now (false: Yookassa could not be reached, stored data shown). */
  live: boolean
}
