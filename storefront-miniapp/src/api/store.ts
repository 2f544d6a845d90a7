import Medusa, { FetchError } from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/types"
import { newestSession, type CartForPayment, type CartPaymentSession } from "../cart/payment-state"
import type { CustomerSession } from "./customer-session"
import { BACKEND_URL } from "./http"

/**
 * Everything after the first screen that talks to Medusa's store API: carts, payment, orders,
 * My courses, through @medusajs/js-sdk. This module (and the SDK) is a chunk of its own, loaded
 * after first paint. Every call carries the customer's token and is retried once with a renewed
 * token on 401.
 */

const CART_FIELDS = [
  "id",
  "email",
  "total",
  "currency_code",
  "completed_at",
  "customer_id",
  "*items",
  "items.product_id",
  "items.product_handle",
  "items.thumbnail",
  "*payment_collection",
  "*payment_collection.payment_sessions",
].join(",")

const ORDER_FIELDS = "id,display_id,created_at,total,currency_code,status,payment_status,*items"

export type Cart = HttpTypes.StoreCart & CartForPayment
export type Order = HttpTypes.StoreOrder

export interface MyCourse {
  id: string
  product_id: string
  order_id: string
  granted_at: string
  title: string
  handle: string | null
  thumbnail: string | null
  access_url: string | null
  instructions: string | null
  telegram: { join_link: string | null; joined: boolean } | null
}

/** What a new payment session gives the shopper to pay with: Yookassa's page or widget, or a Stars invoice. */
export interface StartedPayment {
  confirmationUrl?: string
  confirmationToken?: string
  invoiceLink?: string
  starsAmount?: number
}

export type Completion = { type: "order"; order: Order } | { type: "cart"; message: string }

export function storeErrorStatus(error: unknown): number | undefined {
  return error instanceof FetchError ? error.status : undefined
}

export class StoreApi {
  private readonly sdk: Medusa

  constructor(
    publishableKey: string,
    locale: string,
    private readonly session: CustomerSession
  ) {
    this.sdk = new Medusa({
      baseUrl: BACKEND_URL || window.location.origin,
      publishableKey,
      globalHeaders: { "x-medusa-locale": locale },
      auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
    })
  }

  private authorized<T>(call: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    return this.session.authorized(
      (token) => call({ authorization: `Bearer ${token}` }),
      (error) => error instanceof FetchError && error.status === 401
    )
  }

  retrieveCart(cartId: string): Promise<Cart> {
    return this.authorized((headers) => this.sdk.store.cart.retrieve(cartId, { fields: CART_FIELDS }, headers)).then(
      ({ cart }) => cart as Cart
    )
  }

  createCart(regionId: string, variantId: string): Promise<Cart> {
    return this.authorized((headers) =>
      this.sdk.store.cart.create(
        { region_id: regionId, items: [{ variant_id: variantId, quantity: 1 }] },
        { fields: CART_FIELDS },
        headers
      )
    ).then(({ cart }) => cart as Cart)
  }

  addCourse(cartId: string, variantId: string): Promise<Cart> {
    return this.authorized((headers) =>
      this.sdk.store.cart.createLineItem(
        cartId,
        { variant_id: variantId, quantity: 1 },
        { fields: CART_FIELDS },
        headers
      )
    ).then(({ cart }) => cart as Cart)
  }

  async removeLine(cartId: string, lineId: string): Promise<Cart> {
    await this.authorized((headers) => this.sdk.store.cart.deleteLineItem(cartId, lineId, {}, headers))
    return this.retrieveCart(cartId)
  }

  setEmail(cartId: string, email: string): Promise<Cart> {
    return this.authorized((headers) =>
      this.sdk.store.cart.update(cartId, { email }, { fields: CART_FIELDS }, headers)
    ).then(({ cart }) => cart as Cart)
  }

  /**
   * Starts a payment for the cart with `providerId` (Yookassa or Telegram Stars); the server
   * decides the amount (and the Stars price), the receipt and the return URL.
   */
  async startPayment(cart: Cart, providerId: string): Promise<StartedPayment> {
    const { payment_collection } = await this.authorized((headers) =>
      this.sdk.store.payment.initiatePaymentSession(cart, { provider_id: providerId }, {}, headers)
    )
    const sessions = (payment_collection.payment_sessions ?? []) as CartPaymentSession[]
    const data = newestSession(sessions, [providerId])?.data ?? {}
    return {
      confirmationUrl: data.confirmation_url,
      confirmationToken: data.confirmation_token,
      invoiceLink: data.invoice_link,
      starsAmount: data.stars_amount,
    }
  }

  /**
   * Settles the cart: Medusa re-reads the payment from Yookassa, so a lost webhook keeps nobody
   * waiting; a cart that is already an order answers with that order.
   */
  async complete(cartId: string): Promise<Completion> {
    const result = await this.authorized((headers) => this.sdk.store.cart.complete(cartId, {}, headers))
    if (result.type === "order") return { type: "order", order: result.order }
    return { type: "cart", message: result.error?.message ?? "" }
  }

  myCourses(): Promise<MyCourse[]> {
    return this.authorized((headers) =>
      this.sdk.client.fetch<{ courses: MyCourse[] }>("/store/customers/me/courses", { headers })
    ).then(({ courses }) => courses)
  }

  orders(): Promise<Order[]> {
    return this.authorized((headers) =>
      this.sdk.store.order.list({ fields: ORDER_FIELDS, limit: 20, order: "-created_at" }, headers)
    ).then(({ orders }) => orders)
  }
}
