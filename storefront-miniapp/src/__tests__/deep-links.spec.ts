import {
  courseStartParam,
  initialStack,
  launchRoute,
  readStartParam,
  routeFromStartParam,
} from "../telegram/deep-links"

describe("start parameters", () => {
  it("takes the launch's start_param first, else ?startapp= from the page URL", () => {
    expect(readStartParam("course_a", "?startapp=order_cart_1")).toBe("course_a")
    expect(readStartParam(undefined, "?startapp=order_cart_1")).toBe("order_cart_1")
    expect(readStartParam("", "?other=1")).toBeUndefined()
  })

  it("ignores payloads Telegram would never send", () => {
    expect(readStartParam("course_a b", "")).toBeUndefined()
    expect(readStartParam("x".repeat(65), "")).toBeUndefined()
    expect(readStartParam(undefined, "?startapp=%3Cscript%3E")).toBeUndefined()
  })

  it("opens a course, an order, My courses; anything else lands on the catalogue", () => {
    expect(routeFromStartParam("course_prompt-engineering-fundamentals")).toEqual({
      name: "course",
      handle: "prompt-engineering-fundamentals",
    })
    expect(routeFromStartParam("order_cart_01JABCDEF")).toEqual({ name: "order", cartId: "cart_01JABCDEF" })
    expect(routeFromStartParam("my_courses")).toEqual({ name: "my-courses" })
    expect(routeFromStartParam("course_")).toEqual({ name: "catalogue" })
    expect(routeFromStartParam("course_UPPER_case")).toEqual({ name: "catalogue" })
    expect(routeFromStartParam("order_prod_123")).toEqual({ name: "catalogue" })
    expect(routeFromStartParam("debug")).toEqual({ name: "catalogue" })
    expect(routeFromStartParam(undefined)).toEqual({ name: "catalogue" })
  })

  it("puts the catalogue under a deep-linked screen, so Back leads somewhere", () => {
    expect(initialStack({ name: "catalogue" })).toEqual([{ name: "catalogue" }])
    expect(initialStack({ name: "course", handle: "a" })).toEqual([
      { name: "catalogue" },
      { name: "course", handle: "a" },
    ])
  })

  it("builds the payload that opens a course", () => {
    expect(courseStartParam("llm-apps-with-rag")).toBe("course_llm-apps-with-rag")
    expect(courseStartParam("Bad Handle")).toBeUndefined()
  })
})

describe("launchRoute", () => {
  it("prefers the page URL's startapp (the payment page's return), then a payment in progress, then the launch's parameter", () => {
    expect(launchRoute("course_a", "cart_PAYING", "?startapp=order_cart_RETURNED")).toEqual({
      name: "order",
      cartId: "cart_RETURNED",
    })
    // A reload after the payment page keeps the launch's course link: the payment's outcome wins.
    expect(launchRoute("course_a", "cart_PAYING", "")).toEqual({ name: "order", cartId: "cart_PAYING" })
    expect(launchRoute("course_a", undefined, "")).toEqual({ name: "course", handle: "a" })
    expect(launchRoute(undefined, undefined, "")).toEqual({ name: "catalogue" })
  })
})
