import en from "./json/en.json"
import ru from "./json/ru.json"

/** Translations of the store's own admin pages (loaded by Medusa's admin Vite plugin). */
export default {
  en: { translation: en },
  ru: { translation: ru },
}
