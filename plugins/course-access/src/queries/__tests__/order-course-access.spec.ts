import { messageOf, toOrderCourseAccess, type CourseMessageRecord, type OrderAccessRow } from "../order-course-access"

const access = (overrides: Partial<OrderAccessRow> = {}): OrderAccessRow => ({
  id: "cacc_1",
  product_id: "prod_1",
  line_item_id: "line_1",
  status: "active",
  granted_at: new Date("2026-11-30T10:00:00Z"),
  revoked_at: null,
  revoke_reason: null,
  telegram_user_id: "42",
  invite_link: null,
  joined_at: null,
  product: { title: "Prompts" },
  customer: { telegram_account: { telegram_user_id: "42", allows_write_to_pm: true } },
  ...overrides,
})

const record = (
  status: CourseMessageRecord["status"],
  provider_data: CourseMessageRecord["provider_data"] = null
): CourseMessageRecord => ({
  resource_id: "cacc_1",
  status,
  provider_data,
})

describe("messageOf", () => {
  it("follows the notification record when there is one", () => {
    expect(messageOf(access(), record("success"))).toEqual({ status: "sent", error: null })
    expect(messageOf(access(), record("pending"))).toEqual({ status: "pending", error: null })
  })

  it("gives Telegram's answer for a failed message", () => {
    const failed = record("failure", {
      telegram: { error: { reason: "forbidden", description: "Forbidden: bot was blocked by the user" } },
    })
    expect(messageOf(access(), failed)).toEqual({ status: "failed", error: "Forbidden: bot was blocked by the user" })
  })

  it("has no error text when the provider kept none", () => {
    expect(messageOf(access(), record("failure", { telegram: "not an object" }))).toEqual({
      status: "failed",
      error: null,
    })
  })

  it("says why no message was sent: no Telegram account, or the bot may not write", () => {
    expect(messageOf(access({ telegram_user_id: null }), undefined)).toEqual({ status: "no_telegram", error: null })
    const silent = access({ customer: { telegram_account: { telegram_user_id: "42", allows_write_to_pm: false } } })
    expect(messageOf(silent, undefined)).toEqual({ status: "not_allowed", error: null })
  })

  it("is pending while a message is still to come", () => {
    expect(messageOf(access(), undefined)).toEqual({ status: "pending", error: null })
  })
})

describe("toOrderCourseAccess", () => {
  it("answers dates as ISO strings and the chat as joined or not", () => {
    const revoked = toOrderCourseAccess(
      access({ status: "revoked", revoked_at: "2026-11-30T12:00:00Z", revoke_reason: "refund", joined_at: new Date() }),
      undefined
    )
    expect(revoked).toMatchObject({
      status: "revoked",
      granted_at: "2026-11-30T10:00:00.000Z",
      revoked_at: "2026-11-30T12:00:00.000Z",
      revoke_reason: "refund",
      joined: true,
      title: "Prompts",
    })
  })
})
