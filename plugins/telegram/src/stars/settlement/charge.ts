/** A shopper's Stars payment, as Telegram reported it (an update or a Star transaction). */
export type StarsCharge = {
  /** telegram_payment_charge_id; also the Star transaction's id. */
  charge_id: string
  session_id: string
  cart_id: string
  /** The payer: a refund goes back to them. */
  user_id: number
  stars: number
}
