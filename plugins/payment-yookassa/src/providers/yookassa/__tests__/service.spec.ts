import YookassaProviderService from "../service"

const valid = { shopId: "100500", secretKey: "test_secret", returnUrl: "https://t.me/aistore_bot/shop" }

describe("YookassaProviderService options", () => {
  it("registers as the payment provider 'yookassa' and fills defaults", () => {
    expect(YookassaProviderService.identifier).toBe("yookassa")
    expect(() => YookassaProviderService.validateOptions(valid)).not.toThrow()
  })

  it("stops the start with a message naming every wrong option", () => {
    const attempt = () =>
      YookassaProviderService.validateOptions({
        secretKey: "",
        apiUrl: "not a url",
        returnUrl: "https://t.me/aistore_bot/shop",
        captureMode: "later",
        receipts: { vatCode: 20 },
        webhook: { trustedIps: ["example.com"], trustedProxyHops: -1 },
        colour: "blue",
      })
    expect(attempt).toThrow(/Invalid options for @aistore\/medusa-payment-yookassa/)
    const message = (() => {
      try {
        attempt()
      } catch (error) {
        return (error as Error).message
      }
    })()
    for (const option of [
      "shopId",
      "secretKey",
      "apiUrl",
      "captureMode",
      "receipts.vatCode",
      "webhook.trustedIps.0",
      "webhook.trustedProxyHops",
      "colour",
    ]) {
      expect(message).toContain(option)
    }
  })

  it("needs a return URL from the configuration (never from the client)", () => {
    expect(() => YookassaProviderService.validateOptions({ shopId: "1", secretKey: "s" })).toThrow(/returnUrl/)
  })
})
