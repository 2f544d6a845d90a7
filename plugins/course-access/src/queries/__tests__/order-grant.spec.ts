import { grantOf } from "../order-grant"

describe("grantOf", () => {
  it("grants the covered lines to the order's customer and their Telegram account", () => {
    const grant = grantOf({
      id: "order_1",
      status: "pending",
      customer_id: "cus_1",
      items: [{ id: "line_1", product_id: "prod_1", total: 0 }],
      customer: { telegram_account: { telegram_user_id: "42", allows_write_to_pm: false } },
    })
    expect(grant).toEqual({
      order_id: "order_1",
      customer_id: "cus_1",
      telegram_user_id: "42",
      lines: [{ id: "line_1", product_id: "prod_1" }],
    })
  })

  it("grants nothing for an order that is not there", () => {
    expect(grantOf(undefined)).toEqual({ order_id: "", customer_id: "", telegram_user_id: null, lines: [] })
  })

  it("grants without a Telegram account (no join approval, no message)", () => {
    const grant = grantOf({ id: "order_1", status: "pending", customer_id: "cus_1", items: [], customer: null })
    expect(grant.telegram_user_id).toBeNull()
  })
})
