import type { MessageKey } from "./messages"
import { medusaLocale, type Language } from "./language"
import { createTranslator, type Translate } from "./translate"

/** The interface language is chosen once per launch, from the Telegram user's language_code. */
let language: Language = "ru"
let translate: Translate = createTranslator(language)

export function setLanguage(next: Language): void {
  language = next
  translate = createTranslator(next)
  document.documentElement.lang = next
}

export const currentLanguage = (): Language => language
export const currentLocale = (): string => medusaLocale(language)
export const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(key, params)
export type { MessageKey }
