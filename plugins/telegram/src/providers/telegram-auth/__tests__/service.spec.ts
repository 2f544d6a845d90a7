import TelegramAuthProviderService from "../service"

describe("TelegramAuthProviderService options", () => {
  it("registers as the auth provider 'telegram'", () => {
    expect(TelegramAuthProviderService.identifier).toBe("telegram")
  })

  it.each([
    [{}, /set the option botToken/],
    [{ botToken: "not a token" }, /botToken must look like <bot id>:<secret>/],
    [{ botToken: "7000000001:AAE_token", initDataMaxAgeSeconds: 5 }, /at least 60/],
  ])("refuses to start with %j", (options, message) => {
    expect(() => TelegramAuthProviderService.validateOptions(options)).toThrow(message)
  })

  it("accepts a bot token, or a bot id for third-party validation", () => {
    expect(() => TelegramAuthProviderService.validateOptions({ botToken: "7000000001:AAE_token" })).not.toThrow()
    expect(() => TelegramAuthProviderService.validateOptions({ botId: 7000000001 })).not.toThrow()
  })

  it("refuses a request without `Authorization: tma …` before touching any identity", async () => {
    const provider = new TelegramAuthProviderService({}, { botToken: "7000000001:AAE_token" })
    const untouchable = new Proxy({} as never, {
      get: () => {
        throw new Error("the identity store must not be used")
      },
    })
    for (const authorization of [undefined, "", "Bearer abc", "tma "]) {
      const result = await provider.authenticate(
        { headers: authorization === undefined ? {} : { authorization } },
        untouchable
      )
      expect(result).toEqual({ success: false, error: expect.stringContaining("Authorization: tma") })
    }
  })
})
