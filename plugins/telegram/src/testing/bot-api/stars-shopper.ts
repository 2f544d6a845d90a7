import { recordPayment, type DoubleStarTransaction, type StarsState } from "./stars"

/** Where the double plays Telegram towards: the store's webhook and the secret it set. */
export type StoreWebhook = { url: string; secret: string }

export type PayInvoiceInput = {
  /** The link createInvoiceLink returned. */
  link: string
  /** The shopper's Telegram user id. */
  userId: number
  /** Tamper with the pre-checkout query, as a test of the store's checks. */
  query?: { total_amount?: number; currency?: string; invoice_payload?: string }
  /** How many times Telegram delivers the successful_payment update: 0 = lost. Default 1. */
  deliveries?: number
}

export type PayInvoiceResult = {
  answer: { ok: boolean; error_message?: string }
  /** The Star transaction, when the store said yes and the shopper paid. */
  transaction?: DoubleStarTransaction
  /** The successful_payment update, to deliver again later. */
  update?: object
}

const ANSWER_DEADLINE_MS = 10_000

/**
 * Plays a shopper paying an invoice in Telegram: the pre-checkout query goes to the store's
 * webhook, and Telegram's 10 s for the answer are kept; on yes, the Stars are taken (a Star
 * transaction) and the successful_payment update is delivered `deliveries` times.
 */
export async function payInvoice(
  stars: StarsState,
  webhook: StoreWebhook,
  nextUpdateId: () => number,
  { link, userId, query = {}, deliveries = 1 }: PayInvoiceInput
): Promise<PayInvoiceResult> {
  const invoice = stars.invoices.get(link)
  if (!invoice) {
    throw new Error(`Bot API double: no invoice ${link}`)
  }
  const from = { id: userId, is_bot: false, first_name: "Покупатель", language_code: "ru" }
  const queryId = `pcq${nextUpdateId()}`
  await deliver(webhook, {
    update_id: nextUpdateId(),
    pre_checkout_query: {
      id: queryId,
      from,
      currency: query.currency ?? invoice.currency,
      total_amount: query.total_amount ?? invoice.amount,
      invoice_payload: query.invoice_payload ?? invoice.payload,
    },
  })
  const deadline = Date.now() + ANSWER_DEADLINE_MS
  while (!stars.preCheckoutAnswers.has(queryId)) {
    if (Date.now() > deadline) {
      return { answer: { ok: false, error_message: "(no answer within 10 s: Telegram cancels the payment)" } }
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const answer = stars.preCheckoutAnswers.get(queryId)!
  if (!answer.ok) {
    return { answer }
  }
  const transaction = recordPayment(stars, invoice, userId)
  const update = {
    update_id: nextUpdateId(),
    message: {
      message_id: nextUpdateId(),
      date: transaction.date,
      chat: { id: userId, type: "private", first_name: from.first_name },
      from,
      successful_payment: {
        currency: invoice.currency,
        total_amount: invoice.amount,
        invoice_payload: invoice.payload,
        telegram_payment_charge_id: transaction.id,
        provider_payment_charge_id: "",
      },
    },
  }
  for (let i = 0; i < deliveries; i++) {
    await deliver(webhook, update)
  }
  return { answer, transaction, update }
}

/** Sends one update to the store's webhook as Telegram does (with the secret header). */
export async function deliver(webhook: StoreWebhook, update: object): Promise<number> {
  const response = await fetch(webhook.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": webhook.secret },
    body: JSON.stringify(update),
  })
  await response.arrayBuffer()
  return response.status
}
