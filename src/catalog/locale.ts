/** The store's own content language: products and categories are written in Russian; other languages are translations. */
export const STORE_LOCALE = "ru-RU"

/**
 * The locale the catalogue is served in: the one asked for when the store supports it (also by
 * language alone, so Telegram's "en" finds "en-US"), otherwise Russian.
 */
export function resolveCatalogLocale(requested: string | undefined, supported: readonly string[]): string {
  if (!requested) {
    return STORE_LOCALE
  }
  const wanted = requested.toLowerCase()
  const exact = supported.find((code) => code.toLowerCase() === wanted)
  if (exact) {
    return exact
  }
  const language = wanted.split("-")[0]
  return supported.find((code) => code.toLowerCase().split("-")[0] === language) ?? STORE_LOCALE
}
