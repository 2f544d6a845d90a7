import { CartStorage, type KeyValueStore } from "../cart/cart-storage"
import {
  isAlreadyOrderedMessage,
  paymentState,
  starsInvoiceInFlight,
  STARS_PROVIDER_ID,
  YOOKASSA_PROVIDER_ID,
  type CartPaymentSession,
} from "../cart/payment-state"
import { filterCourses } from "../lib/filter-courses"
import type { CatalogCourse } from "../api/catalog-types"

const session = (overrides: Partial<CartPaymentSession>): CartPaymentSession => ({
  id: "payses_1",
  provider_id: YOOKASSA_PROVIDER_ID,
  status: "pending",
  created_at: "2026-11-30T10:00:00Z",
  data: { status: "pending", confirmation_url: "https://pay.example/1" },
  ...overrides,
})
const cart = (sessions: CartPaymentSession[], completed_at: string | null = null) => ({
  id: "cart_1",
  completed_at,
  payment_collection: { payment_sessions: sessions },
})

describe("paymentState", () => {
  it("is completed once the cart is an order, unpaid without a session", () => {
    expect(paymentState(cart([session({})], "2026-11-30T10:05:00Z"))).toEqual({ kind: "completed" })
    expect(paymentState(cart([]))).toEqual({ kind: "unpaid" })
    expect(paymentState({ id: "cart_1" })).toEqual({ kind: "unpaid" })
  })

  it("follows the newest Yookassa session: pending with its payment page, paid, or declined with the reason", () => {
    expect(paymentState(cart([session({})]))).toEqual({
      kind: "pending",
      confirmationUrl: "https://pay.example/1",
      confirmationToken: undefined,
    })
    expect(paymentState(cart([session({ status: "authorized" })]))).toEqual({ kind: "paid" })
    expect(paymentState(cart([session({ data: { status: "succeeded" } })]))).toEqual({ kind: "paid" })
    expect(
      paymentState(
        cart([
          session({
            status: "canceled",
            data: {
              status: "canceled",
              cancellation_details: { party: "payment_network", reason: "insufficient_funds" },
            },
          }),
        ])
      )
    ).toEqual({ kind: "declined", reason: "insufficient_funds" })
    expect(
      paymentState(cart([session({ status: "canceled", data: { cancellation_details: { reason: "something_new" } } })]))
    ).toEqual({
      kind: "declined",
      reason: "general",
    })
  })

  it("a new attempt after a decline counts, not the declined one; other providers are ignored", () => {
    const declined = session({ id: "a", status: "canceled", created_at: "2026-11-30T10:00:00Z" })
    const retry = session({
      id: "b",
      created_at: "2026-11-30T10:10:00Z",
      data: { confirmation_url: "https://pay.example/2" },
    })
    expect(paymentState(cart([retry, declined]))).toMatchObject({
      kind: "pending",
      confirmationUrl: "https://pay.example/2",
    })
    expect(paymentState(cart([session({ provider_id: "pp_system_default", status: "authorized" })]))).toEqual({
      kind: "unpaid",
    })
  })

  it("follows a Telegram Stars session: pending with its invoice link until Telegram's charge is recorded", () => {
    const stars = (overrides: Partial<CartPaymentSession>) =>
      session({
        provider_id: STARS_PROVIDER_ID,
        data: { invoice_link: "https://t.me/$abc", stars_amount: 2494 },
        ...overrides,
      })
    expect(paymentState(cart([stars({})]))).toEqual({ kind: "pending", invoiceLink: "https://t.me/$abc" })
    expect(
      paymentState(cart([stars({ data: { invoice_link: "https://t.me/$abc", telegram_payment_charge_id: "stx1" } })]))
    ).toEqual({ kind: "paid" })
    expect(paymentState(cart([stars({ status: "captured" })]))).toEqual({ kind: "paid" })
    // The newest attempt counts, whichever method it used.
    const yookassaLater = session({ id: "b", created_at: "2026-11-30T10:10:00Z" })
    expect(paymentState(cart([stars({ id: "a" }), yookassaLater]))).toMatchObject({
      kind: "pending",
      confirmationUrl: "https://pay.example/1",
    })
    expect(
      paymentState(
        cart([session({ id: "a", status: "canceled" }), stars({ id: "b", created_at: "2026-11-30T10:10:00Z" })])
      )
    ).toMatchObject({
      kind: "pending",
      invoiceLink: "https://t.me/$abc",
    })
  })

  it("keeps a Stars invoice this app is paying from being replaced by a new payment", () => {
    const stars = session({ provider_id: STARS_PROVIDER_ID, data: { invoice_link: "https://t.me/$abc" } })
    expect(starsInvoiceInFlight(cart([stars]), "cart_1")).toBe(true)
    // Not the cart being paid here, paid already, or a Yookassa payment (its own guard settles it): pay freely.
    expect(starsInvoiceInFlight(cart([stars]), undefined)).toBe(false)
    expect(starsInvoiceInFlight(cart([{ ...stars, status: "captured" }]), "cart_1")).toBe(false)
    expect(starsInvoiceInFlight(cart([session({})]), "cart_1")).toBe(false)
  })

  it("recognises the backend's answer for a cart that is already an order", () => {
    expect(isAlreadyOrderedMessage("This cart is already paid: order #12")).toBe(true)
    expect(isAlreadyOrderedMessage("This cart is already paid: its order is being placed (cart cart_1)")).toBe(true)
    expect(isAlreadyOrderedMessage("An e-mail or phone number is needed for the receipt")).toBe(false)
  })
})

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  }
}

describe("CartStorage", () => {
  it("keeps the open cart per Telegram user and the cart being paid for the session", () => {
    const local = memory()
    const session = memory()
    const alice = new CartStorage(local, session, "1")
    const bob = new CartStorage(local, session, "2")
    alice.setCartId("cart_A")
    alice.setPayingCartId("cart_A")
    expect(alice.cartId()).toBe("cart_A")
    expect(bob.cartId()).toBeUndefined()
    expect(session.data.size).toBe(1)

    alice.settled("cart_A")
    expect(alice.cartId()).toBeUndefined()
    expect(alice.payingCartId()).toBeUndefined()
  })

  it("ignores what is not a cart id, and storage that throws", () => {
    const local = memory()
    local.setItem("aistore:cart:1", "javascript:alert(1)")
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error("denied")
      },
      setItem: () => {
        throw new Error("denied")
      },
      removeItem: () => undefined,
    }
    expect(new CartStorage(local, memory(), "1").cartId()).toBeUndefined()
    const storage = new CartStorage(broken, broken, "1")
    expect(() => storage.setCartId("cart_X")).not.toThrow()
    expect(storage.cartId()).toBeUndefined()
  })
})

describe("filterCourses", () => {
  const course = (id: string, title: string, category: string): CatalogCourse => ({
    id,
    handle: id,
    title,
    subtitle: null,
    thumbnail: null,
    category_ids: [category],
    variant_id: `variant_${id}`,
    price: { amount: 1000, original_amount: 1000, currency_code: "rub" },
    level: null,
    duration_hours: null,
    lessons: null,
  })
  const all = [
    course("a", "Промпт-инжиниринг", "gen"),
    course("b", "Python для анализа данных", "ml"),
    course("c", "Нейросети для видео", "gen"),
  ]

  it("filters by category and by every word of the search, case-insensitively", () => {
    expect(filterCourses(all, {}).map((c) => c.id)).toEqual(["a", "b", "c"])
    expect(filterCourses(all, { categoryId: "gen" }).map((c) => c.id)).toEqual(["a", "c"])
    expect(filterCourses(all, { query: "  PYTHON данных " }).map((c) => c.id)).toEqual(["b"])
    expect(filterCourses(all, { categoryId: "ml", query: "промпт" })).toEqual([])
  })
})
