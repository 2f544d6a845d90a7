import TelegramAuthProviderService from "../service"

describe("TelegramAuthProviderService (until initData validation lands)", () => {
  const provider = new TelegramAuthProviderService()

  it("registers as the auth provider 'telegram'", () => {
    expect(TelegramAuthProviderService.identifier).toBe("telegram")
  })

  it("refuses every login and registration, so no token can be minted", async () => {
    const input = { headers: { authorization: "tma user=%7B%22id%22%3A1%7D&hash=00" }, body: {} }
    for (const result of [await provider.authenticate(input), await provider.register(input)]) {
      expect(result.success).toBe(false)
      expect(result.error).toMatch(/not available/)
      expect(result.authIdentity).toBeUndefined()
    }
  })
})
