/** What a Telegram Stars payment session keeps (`payment_session.data`, then `payment.data`). */
export type StarsSessionData = {
  /** Set by Medusa's payment module. */
  session_id?: string
  /** Set by the plugin's middleware from the cart, never by the client. */
  cart_id?: string
  /** The price in Stars the invoice asks for. */
  stars_amount?: number
  description?: string
  /** The cart's total in its own currency when the invoice was made (Medusa's payment amount). */
  total?: number
  /** Opened by the Mini App with `invoice.open(link, 'url')`. */
  invoice_link?: string
  invoice_payload?: string
  /** Written by the settlement when Telegram reports the payment. */
  telegram_payment_charge_id?: string
  /** The shopper who paid: refundStarPayment needs them. */
  payer_user_id?: number
  paid_stars?: number
  paid_at?: string
  refunded_at?: string
}

/** The fields the middleware may set; anything else a request carries is dropped. */
export function serverFields(data: StarsSessionData): StarsSessionData {
  return {
    session_id: data.session_id,
    cart_id: data.cart_id,
    stars_amount: data.stars_amount,
    description: data.description,
  }
}

export function isPaid(data: StarsSessionData | null | undefined): boolean {
  return !!data?.telegram_payment_charge_id && !data.refunded_at
}
