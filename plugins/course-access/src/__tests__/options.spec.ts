import { parseCourseAccessOptions, TELEGRAM_API_ROOT } from "../options"

const TOKEN = "7000000001:AAExampleTokenForTests_abcdefghijkl"

describe("parseCourseAccessOptions", () => {
  it("fills in the defaults", () => {
    expect(parseCourseAccessOptions({ botToken: TOKEN })).toEqual({
      botToken: TOKEN,
      apiRoot: TELEGRAM_API_ROOT,
      requestTimeoutMs: 10_000,
    })
  })

  it("ignores the database entry Medusa adds to a plugin module's options", () => {
    expect(parseCourseAccessOptions({ botToken: TOKEN, database: { clientUrl: "postgres://x" } }).botToken).toBe(TOKEN)
  })

  it("names every wrong option, and never repeats the token", () => {
    const secret = "not-a-token-but-secret"
    const parse = () =>
      parseCourseAccessOptions({ botToken: secret, apiRoot: "ftp:/nowhere", requestTimeoutMs: 5, colour: "red" })
    expect(parse).toThrow(
      /Invalid options for @aistore\/medusa-course-access: botToken must look like <bot id>:<secret>/
    )
    expect(parse).toThrow(/apiRoot must be an http\(s\) URL/)
    expect(parse).toThrow(/requestTimeoutMs/)
    expect(parse).toThrow(/colour/)
    expect(parse).not.toThrow(new RegExp(secret))
  })

  it("asks for the bot token when there are no options at all", () => {
    expect(() => parseCourseAccessOptions(undefined)).toThrow(/botToken/)
  })
})
