/** Good enough for a receipt address: something@domain.tld, no spaces. The payment gateway checks the rest. */
export function isValidEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value.trim()) && value.trim().length <= 254
}
