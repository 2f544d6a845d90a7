import { parseLaunchQuery } from "../telegram/launch-params"
import { isDarkColor } from "../telegram/theme"

const initData = new URLSearchParams({
  user: JSON.stringify({ id: 42, first_name: "Тест", language_code: "en", allows_write_to_pm: true }),
  auth_date: "1796000000",
  start_param: "course_from-init-data",
  hash: "abc",
}).toString()

describe("parseLaunchQuery", () => {
  it("reads the shopper, the raw initData, the start parameter and the theme", () => {
    const query = new URLSearchParams({
      tgWebAppData: initData,
      tgWebAppVersion: "8.0",
      tgWebAppStartParam: "order_cart_1",
      tgWebAppThemeParams: JSON.stringify({ bg_color: "#17212b", text_color: "#f5f5f5", bogus: 1 }),
    }).toString()
    expect(parseLaunchQuery(query)).toEqual({
      initDataRaw: initData,
      userId: "42",
      languageCode: "en",
      allowsWriteToPm: true,
      startParam: "order_cart_1",
      themeParams: { bg_color: "#17212b", text_color: "#f5f5f5" },
    })
  })

  it("falls back to initData's start_param, and survives a broken user or theme", () => {
    const launch = parseLaunchQuery(
      new URLSearchParams({ tgWebAppData: initData, tgWebAppThemeParams: "{not json" }).toString()
    )
    expect(launch?.startParam).toBe("course_from-init-data")
    expect(launch?.themeParams).toEqual({})
    const noUser = parseLaunchQuery(new URLSearchParams({ tgWebAppData: "user=%7Bbroken" }).toString())
    expect(noUser).toMatchObject({ userId: "anonymous", allowsWriteToPm: false, languageCode: undefined })
  })

  it("is nothing without initData", () => {
    expect(parseLaunchQuery("")).toBeUndefined()
    expect(parseLaunchQuery("startapp=course_a")).toBeUndefined()
  })

  it("tells a dark theme from a light one", () => {
    expect(isDarkColor("#17212b")).toBe(true)
    expect(isDarkColor("#ffffff")).toBe(false)
  })
})
