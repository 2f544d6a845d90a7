import type { StarsOptions } from "../providers/telegram-stars/options"

/** A Bot API refusal (`ok: false`) or an unreachable Bot API (`status` 0). */
export class StarsBotApiError extends Error {
  constructor(
    readonly method: string,
    readonly status: number,
    readonly description: string
  ) {
    super(`Bot API ${method}: ${status ? `${status} ` : ""}${description}`)
  }

  /** Telegram answered: retrying the same call gives the same answer. */
  get refused(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429
  }
}

export type LabeledPrice = { label: string; amount: number }

export type CreateInvoiceLinkParams = {
  title: string
  description: string
  payload: string
  currency: "XTR"
  prices: LabeledPrice[]
}

export type PreCheckoutAnswer =
  { pre_checkout_query_id: string; ok: true } | { pre_checkout_query_id: string; ok: false; error_message: string }

/** https://core.telegram.org/bots/api#transactionpartner (the parts the store reads). */
export type TransactionPartner = {
  type: string
  user?: { id: number }
  invoice_payload?: string
}

/** https://core.telegram.org/bots/api#startransaction */
export type StarTransaction = {
  /** For a shopper's payment: its telegram_payment_charge_id; a refund repeats the id. */
  id: string
  amount: number
  date: number
  /** Set on incoming transactions (a shopper paid). */
  source?: TransactionPartner
  /** Set on outgoing transactions (a refund). */
  receiver?: TransactionPartner
}

/**
 * The Bot API methods Telegram Stars payments need, typed, with a timeout on every call.
 * The token is in the URL only: it never reaches an error message or a log.
 */
export class StarsBotClient {
  constructor(private readonly options: Pick<StarsOptions, "botToken" | "apiRoot" | "callTimeoutMs">) {}

  /** An invoice link in Stars: no provider token, one price. */
  createInvoiceLink(params: CreateInvoiceLinkParams): Promise<string> {
    return this.call<string>("createInvoiceLink", { ...params, provider_token: "" })
  }

  answerPreCheckoutQuery(answer: PreCheckoutAnswer): Promise<boolean> {
    return this.call<boolean>("answerPreCheckoutQuery", answer)
  }

  refundStarPayment(userId: number, chargeId: string): Promise<boolean> {
    return this.call<boolean>("refundStarPayment", { user_id: userId, telegram_payment_charge_id: chargeId })
  }

  async getStarTransactions(offset: number, limit: number): Promise<StarTransaction[]> {
    const result = await this.call<{ transactions: StarTransaction[] }>("getStarTransactions", { offset, limit })
    return result.transactions ?? []
  }

  private async call<T>(method: string, params: object): Promise<T> {
    const url = `${this.options.apiRoot.replace(/\/+$/, "")}/bot${this.options.botToken}/${method}`
    let response: Response
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(this.options.callTimeoutMs),
      })
    } catch (error) {
      throw new StarsBotApiError(
        method,
        0,
        error instanceof Error && error.name === "TimeoutError" ? "timed out" : "unreachable"
      )
    }
    const body = (await response.json().catch(() => undefined)) as
      { ok: true; result: T } | { ok: false; error_code?: number; description?: string } | undefined
    if (!body || !body.ok) {
      throw new StarsBotApiError(method, response.status || 500, body?.description ?? `HTTP ${response.status}`)
    }
    return body.result
  }
}
