import { escapeHtml } from "@aistore/medusa-telegram/notifications"

export type CourseAccessMessageInput = {
  title: string
  access_url?: string | null
  instructions?: string | null
  invite_link?: string | null
}

type UrlButton = { text: string; url: string }

/** The buyer's private message: the course, its access and buttons; everything from the merchant escaped. */
export function courseAccessMessage(course: CourseAccessMessageInput): {
  html: string
  reply_markup?: { inline_keyboard: UrlButton[][] }
} {
  const lines = [`🎓 <b>Доступ к курсу «${escapeHtml(course.title)}» открыт</b>`]
  const buttons: UrlButton[] = []
  if (course.access_url) {
    lines.push("", `Материалы курса: <a href="${escapeHtml(course.access_url)}">${escapeHtml(course.access_url)}</a>`)
    buttons.push({ text: "Открыть курс", url: course.access_url })
  }
  if (course.invite_link) {
    lines.push(
      "",
      `Канал курса: ${escapeHtml(course.invite_link)}`,
      "Заявку на вступление бот одобрит только с вашего аккаунта Telegram."
    )
    buttons.push({ text: "Вступить в канал курса", url: course.invite_link })
  }
  if (course.instructions) {
    lines.push("", escapeHtml(course.instructions))
  }
  lines.push("", "Все ваши курсы — в разделе «Мои курсы» магазина.")
  return {
    html: lines.join("\n"),
    reply_markup: buttons.length ? { inline_keyboard: buttons.map((button) => [button]) } : undefined,
  }
}
