import type { YookassaPayment } from "../../client"
import type { MedusaPaymentFacts, PaymentFacts } from "../payment-facts"
import { decide } from "../verdict"

const paid = (overrides: Partial<YookassaPayment> = {}): YookassaPayment => ({
  id: "yk_1",
  status: "succeeded",
  paid: true,
  amount: { value: "3990.00", currency: "RUB" },
  created_at: "2026-11-30T10:00:00.000Z",
  test: true,
  refundable: true,
  metadata: { session_id: "payses_1", cart_id: "cart_1" },
  ...overrides,
})

const medusaPayment = (overrides: Partial<MedusaPaymentFacts> = {}): MedusaPaymentFacts => ({
  id: "pay_1",
  created_at: "2026-11-30T10:00:01.000Z",
  canceled_at: null,
  payment_collection_id: "paycol_1",
  yookassa_id: "yk_1",
  captured: true,
  held: "3990",
  ...overrides,
})

const facts = (overrides: Partial<PaymentFacts> = {}): PaymentFacts => ({
  medusaPayment: undefined,
  order: undefined,
  sessionLive: false,
  ...overrides,
})

describe("decide", () => {
  it("leaves alone what holds no money: pending, canceled, refunded in full", () => {
    expect(decide(paid({ status: "pending", paid: false }), facts()).kind).toBe("nothing_held")
    expect(decide(paid({ status: "canceled", paid: false }), facts()).kind).toBe("nothing_held")
    expect(decide(paid({ refunded_amount: { value: "3990.00", currency: "RUB" } }), facts()).kind).toBe("nothing_held")
  })

  it("never touches a payment its cart's order owns, whatever happened to its session", () => {
    const own = medusaPayment()
    const verdict = decide(
      paid(),
      facts({ medusaPayment: own, order: { id: "order_1", status: "pending", payments: [own] } })
    )
    expect(verdict).toEqual({ kind: "owned", order_id: "order_1" })
  })

  it("gives back at Yookassa a payment nothing references: session replaced, no order", () => {
    expect(decide(paid(), facts()).kind).toBe("orphan")
    expect(decide(paid({ status: "waiting_for_capture" }), facts()).kind).toBe("orphan")
  })

  it("gives back a payment whose cart's order is paid by another payment", () => {
    const other = medusaPayment({ id: "pay_other", yookassa_id: "yk_other" })
    const verdict = decide(paid(), facts({ order: { id: "order_1", status: "pending", payments: [other] } }))
    expect(verdict).toMatchObject({ kind: "orphan", proof: expect.stringContaining("order_1") })
  })

  it("gives back through Medusa the later of two payments of one order, not the first", () => {
    const first = medusaPayment({ id: "pay_a", yookassa_id: "yk_a", created_at: "2026-11-30T10:00:00.000Z" })
    const second = medusaPayment({ id: "pay_b", created_at: "2026-11-30T10:00:05.000Z" })
    const order = { id: "order_1", status: "pending", payments: [first, second] }
    expect(decide(paid(), facts({ medusaPayment: second, order }))).toMatchObject({
      kind: "extra",
      order_id: "order_1",
    })
    expect(decide(paid({ id: "yk_a" }), facts({ medusaPayment: first, order })).kind).toBe("owned")
    // Once the first was given back in full, the second is the one that pays.
    const refundedFirst = { ...first, held: "0" }
    expect(
      decide(paid(), facts({ medusaPayment: second, order: { ...order, payments: [refundedFirst, second] } })).kind
    ).toBe("owned")
  })

  it("counts what a payment still holds in kopecks: a 37 786.631 capture refunded as 37 786.63 holds nothing", () => {
    const first = medusaPayment({ id: "pay_a", yookassa_id: "yk_a", created_at: "2026-11-30T10:00:00.000Z" })
    const second = medusaPayment({ id: "pay_b", created_at: "2026-11-30T10:00:05.000Z" })
    const order = (held: string) => ({
      id: "order_1",
      status: "pending",
      payments: [{ ...first, held }, second],
    })
    for (const held of ["0.001", "-0.001", "0.0049"]) {
      expect(decide(paid(), facts({ medusaPayment: second, order: order(held) })).kind).toBe("owned")
    }
    // Half a kopeck is a kopeck in Medusa's rounding: the first still pays, the second is extra.
    expect(decide(paid(), facts({ medusaPayment: second, order: order("0.005") })).kind).toBe("extra")
  })

  it("waits for Medusa's flow while the session is live, and for completion once a payment exists", () => {
    expect(decide(paid(), facts({ sessionLive: true })).kind).toBe("in_progress")
    expect(decide(paid(), facts({ sessionLive: true, medusaPayment: medusaPayment() })).kind).toBe("unplaced")
  })

  it("gives back through Medusa a payment whose session is gone while its cart has no order", () => {
    expect(decide(paid(), facts({ sessionLive: false, medusaPayment: medusaPayment() }))).toMatchObject({
      kind: "extra",
      proof: "its session is gone and its cart has no order",
    })
  })

  it("gives back through Medusa a payment whose cart Medusa refuses to complete", () => {
    const verdict = decide(
      paid(),
      facts({ sessionLive: true, medusaPayment: medusaPayment() }),
      "You already own this course"
    )
    expect(verdict).toMatchObject({ kind: "extra", proof: expect.stringContaining("You already own this course") })
    expect(verdict).not.toHaveProperty("order_id")
  })
})
