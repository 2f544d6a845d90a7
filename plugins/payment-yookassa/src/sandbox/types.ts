/**
 * Public types of the Yookassa sandbox. Object shapes follow Yookassa API v3
 * (yookassa.ru/developers/api): the documented subset the sandbox serves.
 */

export type Amount = { value: string; currency: string }

export type PaymentStatus = "pending" | "waiting_for_capture" | "succeeded" | "canceled"

export type ReceiptRegistration = "pending" | "succeeded" | "canceled"

export type ReceiptItem = {
  description: string
  quantity: string | number
  amount: Amount
  vat_code: number
  payment_subject: string
  payment_mode: string
}

/** A 54-FZ receipt as the merchant sent it. */
export type Receipt = {
  customer: { email?: string; phone?: string; full_name?: string; inn?: string }
  items: ReceiptItem[]
  tax_system_code?: number
}

export type Confirmation =
  | { type: "redirect"; return_url: string; confirmation_url: string; locale?: string }
  | { type: "embedded"; confirmation_token: string; locale?: string }

export type BankCardPaymentMethod = {
  type: "bank_card"
  id: string
  saved: boolean
  card: {
    first6: string
    last4: string
    expiry_month: string
    expiry_year: string
    card_type: string
    issuer_country: string
    issuer_name: string
  }
  title: string
}

export type CancellationDetails = { party: "merchant" | "payment_network" | "yoo_money"; reason: string }

export type AuthorizationDetails = { rrn: string; auth_code: string; three_d_secure: { applied: boolean } }

/** A payment as the API returns it, plus the receipt it was created with. */
export type SandboxPayment = {
  id: string
  status: PaymentStatus
  paid: boolean
  amount: Amount
  income_amount?: Amount
  description?: string
  recipient: { account_id: string; gateway_id: string }
  payment_method?: BankCardPaymentMethod
  captured_at?: string
  created_at: string
  expires_at?: string
  confirmation?: Confirmation
  test: true
  refunded_amount?: Amount
  refundable: boolean
  receipt_registration?: ReceiptRegistration
  metadata: Record<string, string>
  cancellation_details?: CancellationDetails
  authorization_details?: AuthorizationDetails
  /** Sandbox only, for assertions: the receipt sent on creation (or on capture, which replaces it). Yookassa never returns it. */
  receipt?: Receipt
}

/** A refund as the API returns it, plus its receipt. */
export type SandboxRefund = {
  id: string
  payment_id: string
  status: "succeeded"
  created_at: string
  amount: Amount
  description?: string
  receipt_registration?: ReceiptRegistration
  /** Sandbox only, for assertions: the refund receipt. Yookassa never returns it. */
  receipt?: Receipt
}

export type NotificationEvent =
  "payment.succeeded" | "payment.waiting_for_capture" | "payment.canceled" | "refund.succeeded"

/** What Yookassa POSTs to the webhook URL. */
export type NotificationBody = {
  type: "notification"
  event: NotificationEvent
  object: Omit<SandboxPayment, "receipt"> | Omit<SandboxRefund, "receipt">
}

export type RequestRecord = {
  method: string
  /** Path with query, e.g. `/v3/payments/<id>`. */
  path: string
  idempotenceKey?: string
  body?: unknown
  /** HTTP status the sandbox answered. */
  status: number
}

/** One notification copy: `delivered` once the webhook answered 200; `status` is its last answer. */
export type NotificationRecord = {
  event: NotificationEvent
  objectId: string
  status?: number
  delivered: boolean
  /** HTTP attempts made: 0 when dropped or when no webhook URL was set. */
  attempts: number
}

/** Which API calls a fault applies to; `path` is tested against the path without query. */
export type RequestMatch = { method?: string; path?: RegExp }

export type SandboxFaults = {
  /** The next `count` matching API calls answer `status` with Yookassa's error body (429 with Retry-After), before anything is processed or stored. */
  failNext(count: number, status?: 500 | 429 | 503, match?: RequestMatch): void
  /** The next `count` matching API calls are processed at once but answered `delayMs` late (for client timeouts). */
  slowNext(count: number, delayMs: number, match?: RequestMatch): void
  /** Every notification is sent `copies` times, concurrently. */
  duplicateNotifications(copies: number): void
  /** Holds notifications and sends them in reverse order on the next flush, or after a short window. */
  reorderNotifications(on: boolean): void
  /** Loses every notification (for reconciliation tests). */
  dropNotifications(on: boolean): void
  /** Back to normal: no pending failures or delays, single in-order notifications. */
  reset(): void
}

export type SandboxLogger = { info(msg: string): void; warn(msg: string): void }

export interface YookassaSandboxOptions {
  /** 0 or undefined picks a free port. */
  port?: number
  /** Default "127.0.0.1". */
  host?: string
  shopId: string
  secretKey: string
  /** Where notifications are POSTed (the store's `/hooks/payment/yookassa_yookassa`). */
  webhookUrl?: string
  /**
   * The local address notifications are sent from (default: the system's choice). Yookassa sends from
   * its own published addresses; behind a proxy, a store allows the sandbox's by YOOKASSA_TRUSTED_IPS.
   */
  senderAddress?: string
  /** Base of `confirmation_url`; default the sandbox's own URL. */
  publicUrl?: string
  logger?: SandboxLogger
}

export interface YookassaSandbox {
  /** e.g. `http://127.0.0.1:PORT` */
  url: string
  /** `${url}/v3`: what YOOKASSA_API_URL is set to. */
  apiUrl: string
  /** The stand-in for Yookassa's checkout widget script (embedded confirmation): what YOOKASSA_WIDGET_URL is set to. */
  widgetUrl: string
  setWebhookUrl(url: string | undefined): void
  /** Same as clicking Pay on the confirmation page (no change unless the payment is pending). */
  pay(paymentId: string): Promise<SandboxPayment>
  /** Same as clicking Decline on the confirmation page. */
  decline(paymentId: string): Promise<SandboxPayment>
  /** A refund made by the merchant in Yookassa's dashboard (default: everything left); sends refund.succeeded. */
  refundFromDashboard(paymentId: string, amount?: string): Promise<SandboxRefund>
  payment(id: string): SandboxPayment | undefined
  payments(): SandboxPayment[]
  refunds(paymentId?: string): SandboxRefund[]
  /** Every API request, in arrival order. */
  requests: RequestRecord[]
  /** Every notification copy, in sending order. */
  notifications: NotificationRecord[]
  faults: SandboxFaults
  /** Resolves when every notification queued so far was delivered or given up (held ones are released first). */
  flushNotifications(): Promise<void>
  stop(): Promise<void>
}
