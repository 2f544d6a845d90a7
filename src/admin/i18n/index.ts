import legalPagesEn from "./json/en.json"
import legalPagesRu from "./json/ru.json"

/**
 * The store's own admin pages (legal pages) in English and Russian: Medusa's admin loads this
 * file (admin SDK translations) and shows each admin their own language.
 */
export default {
  en: { translation: legalPagesEn },
  ru: { translation: legalPagesRu },
}
