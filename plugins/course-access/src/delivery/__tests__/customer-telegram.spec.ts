import { customerTelegram } from "../customer-telegram"

describe("customerTelegram", () => {
  it("reads the verified account's id and write permission", () => {
    expect(customerTelegram({ telegram_account: { telegram_user_id: "123456789", allows_write_to_pm: true } })).toEqual(
      {
        id: 123456789,
        allows_write_to_pm: true,
      }
    )
  })

  it("keeps a refused write permission", () => {
    const account = { telegram_user_id: "42", allows_write_to_pm: false }
    expect(customerTelegram({ telegram_account: account })).toEqual({ id: 42, allows_write_to_pm: false })
  })

  it.each([
    ["no customer", undefined],
    ["no account", { telegram_account: null }],
    [
      "an id that is not a positive integer",
      { telegram_account: { telegram_user_id: "-5", allows_write_to_pm: true } },
    ],
    [
      "an id beyond safe integers",
      { telegram_account: { telegram_user_id: "9999999999999999", allows_write_to_pm: true } },
    ],
  ])("is undefined with %s", (_case, customer) => {
    expect(customerTelegram(customer)).toBeUndefined()
  })
})
