import { linkName } from "../create-course-invite-links"

describe("linkName", () => {
  it("names the link after its buyer and course", () => {
    expect(linkName({ telegram_user_id: "42", title: "Prompts" })).toBe("42 Prompts")
  })

  it("keeps to Telegram's 32 characters, counting characters and not UTF-16 units", () => {
    const name = linkName({ telegram_user_id: "123456789", title: "Нейросети 🤖🤖🤖 для маркетинга и продаж" })
    expect(Array.from(name)).toHaveLength(32)
    expect(name.startsWith("123456789 Нейросети 🤖🤖🤖")).toBe(true)
  })
})
