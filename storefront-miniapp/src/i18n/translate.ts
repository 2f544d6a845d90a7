import type { Language } from "./language"
import { MESSAGES, type MessageKey } from "./messages"

type Params = Record<string, string | number>

const pluralRules = new Map<Language, Intl.PluralRules>()

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** Picks the plural form of "one|few|many" (Russian) or "one|other" (English) for `n`. */
export function pluralForm(language: Language, forms: string, n: number): string {
  const options = forms.split("|")
  if (options.length === 1) return forms
  let rules = pluralRules.get(language)
  if (!rules) {
    rules = new Intl.PluralRules(language)
    pluralRules.set(language, rules)
  }
  const category = rules.select(n)
  const index =
    language === "ru" ? ({ one: 0, few: 1, many: 2, other: 2 }[category as string] ?? 2) : category === "one" ? 0 : 1
  return options[Math.min(index, options.length - 1)] ?? forms
}

/** A translator for one language: `t("buyFor", { price })`, plurals by the `n` parameter. */
export function createTranslator(language: Language) {
  const messages = MESSAGES[language]
  return (key: MessageKey, params: Params = {}): string => {
    const template: string = messages[key] ?? key
    const chosen = typeof params.n === "number" ? pluralForm(language, template, params.n) : template
    return fill(chosen, params)
  }
}

export type Translate = ReturnType<typeof createTranslator>
