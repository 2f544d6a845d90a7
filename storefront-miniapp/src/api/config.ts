import { bootConfig } from "./boot"
import { requestJson } from "./http"

export type PaymentMethodId = "yookassa" | "stars"

/** `GET /storefront/config`: what the Mini App needs before its first /store call. */
export interface StorefrontConfig {
  publishable_key: string
  region_id: string
  currency_code: string
  /** The payment methods the store offers, in the order to show them. */
  payment_methods: Array<{ id: PaymentMethodId; provider_id: string }>
  /** Roubles per Star: the checkout's Stars estimate (the invoice's own price is on its session). */
  stars_rub_rate: number | null
  payment: {
    /** Payment providers the shopper can pay with (the region's, without the system one). */
    providers: string[]
    /** Yookassa's confirmation: its payment page, or its widget embedded in the Mini App. */
    confirmation: "redirect" | "embedded"
    /** The widget's script for the embedded confirmation: Yookassa's own (the sandbox's stand-in in development). */
    widget_url: string
    /** A 54-FZ receipt is sent: checkout asks for an e-mail. */
    receipts: boolean
  }
  telegram: {
    /** The Mini App's t.me link (`https://t.me/<bot>/<app>`), when configured. */
    app_link: string | null
  }
  /** The consent pages the checkout links to. */
  legal_pages: string[]
}

let configPromise: Promise<StorefrontConfig> | undefined

/**
 * Fetched once per page load and shared (index.html's inline script may have asked already);
 * a failed attempt is forgotten so a retry asks again.
 */
export function getStorefrontConfig(): Promise<StorefrontConfig> {
  const early = bootConfig()
  configPromise ??= (early ?? Promise.reject(new Error("no early answer")))
    .catch(() => requestJson<StorefrontConfig>("/storefront/config"))
    .catch((error: unknown) => {
      configPromise = undefined
      throw error
    })
  return configPromise
}
