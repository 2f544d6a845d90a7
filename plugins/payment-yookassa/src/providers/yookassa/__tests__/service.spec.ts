import { MedusaError } from "@medusajs/framework/utils"
import YookassaProviderService from "../service"

describe("YookassaProviderService (until the gateway integration lands)", () => {
  const provider = new YookassaProviderService({}, {})

  it("registers as the payment provider 'yookassa'", () => {
    expect(YookassaProviderService.identifier).toBe("yookassa")
  })

  it("refuses to start a payment with a message a shopper can read", async () => {
    const attempt = provider.initiatePayment({ amount: 1500, currency_code: "rub" })
    await expect(attempt).rejects.toBeInstanceOf(MedusaError)
    await expect(attempt).rejects.toThrow("Payment with Yookassa is not available yet")
  })

  it("ignores webhooks it cannot verify yet", async () => {
    const result = await provider.getWebhookActionAndData({ data: {}, rawData: "", headers: {} })
    expect(result).toEqual({ action: "not_supported" })
  })
})
