import { courseAccessMessage } from "../course-access-message"

describe("courseAccessMessage", () => {
  it("escapes everything the merchant wrote, in the text and the link", () => {
    const { html } = courseAccessMessage({
      title: "<b>Prompts</b> & more",
      access_url: 'https://example.com/?a=1&b="2"',
      instructions: "Write to <admin>",
    })
    expect(html).toContain("«&lt;b&gt;Prompts&lt;/b&gt; &amp; more»")
    expect(html).toContain('<a href="https://example.com/?a=1&amp;b=&quot;2&quot;">')
    expect(html).toContain("Write to &lt;admin&gt;")
    expect(html).not.toContain("<admin>")
  })

  it("has a button per way in, the materials first, then the course chat", () => {
    const { reply_markup } = courseAccessMessage({
      title: "Course",
      access_url: "https://example.com/course",
      invite_link: "https://t.me/+join",
    })
    expect(reply_markup).toEqual({
      inline_keyboard: [
        [{ text: "Открыть курс", url: "https://example.com/course" }],
        [{ text: "Вступить в канал курса", url: "https://t.me/+join" }],
      ],
    })
  })

  it("says only its owner's join request is approved when there is a chat link", () => {
    expect(courseAccessMessage({ title: "Course", invite_link: "https://t.me/+join" }).html).toContain(
      "Заявку на вступление бот одобрит только с вашего аккаунта Telegram."
    )
  })

  it("has no buttons, and still points to My courses, for a course with instructions only", () => {
    const message = courseAccessMessage({ title: "Course", instructions: "Check your e-mail" })
    expect(message.reply_markup).toBeUndefined()
    expect(message.html).toContain("Все ваши курсы — в разделе «Мои курсы» магазина.")
  })
})
