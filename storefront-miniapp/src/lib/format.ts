const formatters = new Map<string, Intl.NumberFormat>()

/** `1990` → `1 990 ₽`. Amounts are in major units, as Medusa's calculated prices are. */
export function formatPrice(amount: number, currencyCode = "rub"): string {
  const currency = currencyCode.toUpperCase()
  let formatter = formatters.get(currency)
  if (!formatter) {
    formatter = new Intl.NumberFormat("ru-RU", {
      style: "currency",
      currency,
      // minimumFractionDigits too: older engines throw when max < the currency's default min (2).
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    })
    formatters.set(currency, formatter)
  }
  return formatter.format(amount)
}
