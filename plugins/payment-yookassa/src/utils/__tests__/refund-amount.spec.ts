import { MedusaError } from "@medusajs/framework/utils"
import { gatewayRefundValue } from "../refund-amount"

const paid = (value: string, refunded?: string) => ({
  amount: { value, currency: "RUB" },
  ...(refunded ? { refunded_amount: { value: refunded, currency: "RUB" } } : {}),
})

describe("gatewayRefundValue", () => {
  it("refunds a full 37 786.631 order as the 37 786.63 Yookassa took", () => {
    expect(gatewayRefundValue("37786.631", paid("37786.63"))).toBe("37786.63")
    expect(gatewayRefundValue({ value: "37786.631", precision: 20 }, paid("37786.63"))).toBe("37786.63")
  })

  it("rounds a partial refund half up, as Medusa rounds", () => {
    expect(gatewayRefundValue("100.005", paid("37786.63"))).toBe("100.01")
    expect(gatewayRefundValue("100.0049", paid("37786.63"))).toBe("100.00")
  })

  it("asks no more than Yookassa still holds when the excess is rounding", () => {
    // 100.005 was refunded as 100.01; the rest of 37 786.631 is 37 686.626, which rounds to 37 686.63.
    expect(gatewayRefundValue("37686.626", paid("37786.63", "100.01"))).toBe("37686.62")
  })

  it("leaves a real excess for Yookassa to refuse (a dashboard refund not yet on Medusa's books)", () => {
    expect(gatewayRefundValue("37786.631", paid("37786.63", "100.00"))).toBe("37786.63")
  })

  it("refuses a refund that rounds to nothing with a MedusaError (a 400)", () => {
    const attempt = () => gatewayRefundValue("0.004", paid("37786.63"))
    expect(attempt).toThrow(MedusaError)
    expect(attempt).toThrow("A refund of 0.004 RUB rounds to 0.00: Yookassa refunds at least 0.01")
  })
})
