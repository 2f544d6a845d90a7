/** One Telegram Stars payment of an order, as GET /admin/orders/:id/telegram-stars returns it. */
export type AdminStarsPayment = {
  /** Medusa's payment id. */
  payment_id: string
  telegram_payment_charge_id: string | null
  /** The shopper who paid (a refund goes back to them). */
  payer_user_id: number | null
  stars: number | null
  amount: number
  currency_code: string
  paid_at: string | null
  refunded_at: string | null
}
