import { PaymentSessionStatus } from "@medusajs/framework/utils"
import type { StarsCharge } from "../charge"
import type { ChargeFacts, MedusaPaymentFacts } from "../charge-facts"
import { decide } from "../verdict"

const charge: StarsCharge = {
  charge_id: "stx_1",
  session_id: "payses_1",
  cart_id: "cart_1",
  user_id: 700_000_001,
  stars: 2494,
}

const medusaPayment = (overrides: Partial<MedusaPaymentFacts> = {}): MedusaPaymentFacts => ({
  id: "pay_1",
  created_at: "2026-11-30T10:00:01.000Z",
  canceled_at: null,
  captured: true,
  held: "3990",
  charge_id: "stx_1",
  ...overrides,
})

const liveSession = (data: NonNullable<ChargeFacts["session"]>["data"] = {}): NonNullable<ChargeFacts["session"]> => ({
  id: "payses_1",
  status: PaymentSessionStatus.PENDING,
  provider_id: "pp_telegram-stars_telegram-stars",
  amount: 3990,
  currency_code: "rub",
  data: { cart_id: "cart_1", stars_amount: 2494, ...data },
})

const facts = (overrides: Partial<ChargeFacts> = {}): ChargeFacts => ({
  medusaPayment: undefined,
  order: undefined,
  session: undefined,
  ...overrides,
})

describe("decide (Telegram Stars)", () => {
  it("lets Medusa's flow take a charge its live, unpaid session asks for", () => {
    expect(decide(charge, facts({ session: liveSession() })).kind).toBe("in_progress")
  })

  it("refunds at Telegram a charge nothing records: session gone, paid by another charge, or another price", () => {
    expect(decide(charge, facts())).toMatchObject({
      kind: "orphan",
      proof: "its session no longer exists and its cart has no order",
    })
    expect(decide(charge, facts({ session: liveSession({ telegram_payment_charge_id: "stx_other" }) })).kind).toBe(
      "orphan"
    )
    expect(decide(charge, facts({ session: liveSession({ stars_amount: 100 }) })).kind).toBe("orphan")
  })

  it("never touches a charge its cart's order owns", () => {
    const own = medusaPayment()
    expect(decide(charge, facts({ medusaPayment: own, order: { id: "order_1", payments: [own] } }))).toEqual({
      kind: "owned",
      order_id: "order_1",
    })
  })

  it("gives back through Medusa the later of two payments of one order", () => {
    const first = medusaPayment({ id: "pay_a", charge_id: "stx_a", created_at: "2026-11-30T10:00:00.000Z" })
    const second = medusaPayment({ id: "pay_b", created_at: "2026-11-30T10:00:05.000Z" })
    expect(
      decide(charge, facts({ medusaPayment: second, order: { id: "order_1", payments: [first, second] } }))
    ).toMatchObject({
      kind: "extra",
      order_id: "order_1",
    })
  })

  it("waits for completion while a Medusa payment's session is live", () => {
    expect(
      decide(
        charge,
        facts({ medusaPayment: medusaPayment(), session: liveSession({ telegram_payment_charge_id: "stx_1" }) })
      ).kind
    ).toBe("unplaced")
  })

  it("gives back through Medusa a payment whose session is gone while its cart has no order", () => {
    expect(decide(charge, facts({ medusaPayment: medusaPayment() }))).toMatchObject({
      kind: "extra",
      payment: { id: "pay_1" },
      proof: "its session is gone and its cart has no order",
    })
  })

  it("never refunds a charge Medusa already gave back in full: Telegram refunds a charge once, whole", () => {
    const refunded = medusaPayment({ held: "0" })
    expect(decide(charge, facts({ medusaPayment: refunded }))).toEqual({ kind: "nothing_held", payment_id: "pay_1" })
    expect(decide(charge, facts({ medusaPayment: refunded }), "You already own this course").kind).toBe("nothing_held")
    expect(
      decide(charge, facts({ medusaPayment: refunded, session: liveSession({ telegram_payment_charge_id: "stx_1" }) }))
        .kind
    ).toBe("nothing_held")
  })

  it("gives back through Medusa a payment whose cart Medusa refuses to complete", () => {
    const verdict = decide(
      charge,
      facts({ medusaPayment: medusaPayment(), session: liveSession() }),
      "You already own this course"
    )
    expect(verdict).toMatchObject({ kind: "extra", proof: expect.stringContaining("You already own this course") })
  })
})
