export type Language = "ru" | "en"

/** Russian for Russian speakers and their neighbours, and when Telegram tells nothing; English otherwise. */
export function pickLanguage(languageCode: string | null | undefined): Language {
  if (!languageCode) return "ru"
  const base = languageCode.toLowerCase().split(/[-_]/)[0]
  return base === "ru" || base === "uk" || base === "be" || base === "kk" ? "ru" : "en"
}

/** The locale Medusa's store routes take (`?locale=` / `x-medusa-locale`). */
export function medusaLocale(language: Language): string {
  return language === "ru" ? "ru-RU" : "en-US"
}
