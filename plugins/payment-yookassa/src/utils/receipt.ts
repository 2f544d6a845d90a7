import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { YookassaReceipt, YookassaReceiptItem } from "../client/types"
import type { YookassaOptions } from "../options"

export type ReceiptLine = { title: string; quantity: number; total: BigNumberInput }
export type ReceiptContact = { email?: string | null; phone?: string | null }

const DESCRIPTION_LIMIT = 128

/** Whole kopecks of an amount in major units (exact: BigNumber, not floats). */
function toMinor(amount: BigNumberInput): bigint {
  const value = new BigNumber(MathBN.convert(amount)).bigNumber!
  return BigInt(value.times(100).integerValue().toFixed(0))
}

function fromMinor(minor: bigint): string {
  const sign = minor < 0n ? "-" : ""
  const absolute = minor < 0n ? -minor : minor
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, "0")}`
}

/** Phone as Yookassa wants it in receipts: digits only, e.g. 79001234567. */
export function receiptPhone(phone: string | null | undefined): string | undefined {
  const digits = phone?.replace(/\D/g, "") ?? ""
  return digits.length >= 10 && digits.length <= 15 ? digits : undefined
}

export function receiptCustomer(contact: ReceiptContact): YookassaReceipt["customer"] | undefined {
  const email = contact.email?.trim() || undefined
  const phone = receiptPhone(contact.phone)
  if (!email && !phone) {
    return undefined
  }
  return email ? { email } : { phone }
}

/**
 * A 54-FZ receipt whose item sums equal the payment amount to the kopeck. A line whose
 * total does not divide evenly by its quantity is split in two (n-1 at the lower unit
 * price, one carrying the remainder), as the receipt needs a unit price per item.
 */
export function buildReceipt(
  lines: ReceiptLine[],
  customer: YookassaReceipt["customer"],
  currencyCode: string,
  settings: YookassaOptions["receipts"]
): YookassaReceipt {
  const currency = currencyCode.toUpperCase()
  const item = (title: string, quantity: number, unitMinor: bigint): YookassaReceiptItem => ({
    description: title.slice(0, DESCRIPTION_LIMIT),
    quantity: quantity.toFixed(2),
    amount: { value: fromMinor(unitMinor), currency },
    vat_code: settings.vatCode,
    payment_subject: settings.paymentSubject,
    payment_mode: settings.paymentMode,
  })

  const items: YookassaReceiptItem[] = []
  for (const line of lines) {
    const total = toMinor(line.total)
    if (total <= 0n || line.quantity <= 0) {
      continue
    }
    const quantity = BigInt(line.quantity)
    const unit = total / quantity
    const remainder = total - unit * quantity
    if (remainder === 0n) {
      items.push(item(line.title, line.quantity, unit))
    } else {
      if (quantity > 1n) {
        items.push(item(line.title, line.quantity - 1, unit))
      }
      items.push(item(line.title, 1, unit + remainder))
    }
  }
  return {
    customer,
    items,
    ...(settings.taxSystemCode ? { tax_system_code: settings.taxSystemCode } : {}),
  }
}

export function receiptTotal(receipt: YookassaReceipt): string {
  let minor = 0n
  for (const item of receipt.items) {
    const quantity = new BigNumber(MathBN.convert(item.quantity)).bigNumber!
    minor += BigInt(
      new BigNumber(MathBN.mult(item.amount.value, 100)).bigNumber!.times(quantity).integerValue().toFixed(0)
    )
  }
  return fromMinor(minor)
}

export { fromMinor, toMinor }
