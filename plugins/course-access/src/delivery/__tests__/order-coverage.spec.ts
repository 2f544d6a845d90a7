import { coveredLines, isFullyRefunded, paymentTotals, type OrderForGrant } from "../order-coverage"

const paid = (captured: number[], refunded: number[] = []) => ({
  payment_collections: [
    {
      payments: [{ captures: captured.map((amount) => ({ amount })), refunds: refunded.map((amount) => ({ amount })) }],
    },
  ],
})

const order = (overrides: Partial<OrderForGrant> = {}): OrderForGrant => ({
  id: "order_1",
  status: "pending",
  customer_id: "cus_1",
  items: [
    { id: "line_cheap", product_id: "prod_cheap", total: 1000 },
    { id: "line_dear", product_id: "prod_dear", total: 3990 },
  ],
  ...paid([4990]),
  ...overrides,
})

describe("paymentTotals", () => {
  it("adds captures and refunds over every payment of every collection, an authorization counting for nothing", () => {
    const totals = paymentTotals({
      payment_collections: [
        {
          payments: [
            { captures: [{ amount: 100 }, { amount: 50 }], refunds: [{ amount: 30 }] },
            { captures: [], refunds: null },
          ],
        },
        { payments: [{ captures: [{ amount: 20 }] }, null] },
        null,
      ],
    })
    expect(totals.captured.toNumber()).toBe(170)
    expect(totals.refunded.toNumber()).toBe(30)
  })

  it("is zero for an order with no payments", () => {
    const totals = paymentTotals({})
    expect([totals.captured.toNumber(), totals.refunded.toNumber()]).toEqual([0, 0])
  })
})

describe("isFullyRefunded", () => {
  it.each([
    [[4990], [4990], true],
    [[4990], [1000, 3990], true],
    [[4990], [1000], false],
    [[4990], [], false],
    // Nothing captured is not "refunded": an authorized order keeps its free lines.
    [[], [], false],
  ])("captured %j, refunded %j → %s", (captured, refunded, expected) => {
    expect(isFullyRefunded(paid(captured, refunded))).toBe(expected)
  })
})

describe("coveredLines", () => {
  it("grants every line the captured money pays for", () => {
    expect(coveredLines(order())).toEqual([
      { id: "line_cheap", product_id: "prod_cheap" },
      { id: "line_dear", product_id: "prod_dear" },
    ])
  })

  it("covers the cheapest lines first after a partial refund, and stops at the first line left unpaid", () => {
    expect(coveredLines(order(paid([4990], [3000])))).toEqual([{ id: "line_cheap", product_id: "prod_cheap" }])
  })

  it("grants a free line of an order only authorized, and nothing else", () => {
    const items = [
      { id: "line_free", product_id: "prod_free", total: 0 },
      { id: "line_dear", product_id: "prod_dear", total: 3990 },
    ]
    expect(coveredLines(order({ items, ...paid([]) }))).toEqual([{ id: "line_free", product_id: "prod_free" }])
  })

  it("never takes a line whose total is unknown as free, and skips lines without a product", () => {
    const items = [
      { id: "line_unknown", product_id: "prod_unknown", total: null },
      { id: "line_no_product", product_id: null, total: 0 },
      null,
    ]
    expect(coveredLines(order({ items, ...paid([]) }))).toEqual([])
  })

  it.each(["canceled", "draft"])("grants nothing for a %s order, however it was paid", (status) => {
    expect(coveredLines(order({ status }))).toEqual([])
  })

  it("grants nothing to an order without a customer", () => {
    expect(coveredLines(order({ customer_id: null }))).toEqual([])
  })

  it("grants nothing once everything was refunded", () => {
    expect(coveredLines(order(paid([4990], [4990])))).toEqual([])
  })
})
