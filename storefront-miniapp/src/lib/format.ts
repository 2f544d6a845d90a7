const formatters = new Map<string, Intl.NumberFormat>()

/**
 * `12990` → `12 990 ₽`, in Russian format whatever the interface language (the store sells in
 * roubles). Amounts are major units, as Medusa's calculated prices and cart totals are.
 */
export function formatPrice(amount: number, currencyCode = "rub"): string {
  const currency = currencyCode.toUpperCase()
  // Whole amounts without kopecks; any kopecks in full (1 990,50 ₽).
  const digits = Number.isInteger(amount) ? 0 : 2
  const key = `${currency}:${digits}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat("ru-RU", {
      style: "currency",
      currency,
      currencyDisplay: "narrowSymbol",
      // minimumFractionDigits too: older engines throw when max < the currency's default min (2).
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    formatters.set(key, formatter)
  }
  return formatter.format(amount)
}

/** `2494` → `2 494` (Telegram Stars are whole; the screens draw the star beside it). */
export function formatStars(stars: number): string {
  return new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 }).format(stars)
}

/** A date in the interface language: `30 ноября 2026` / `November 30, 2026`. */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ""
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(date)
}
