import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { YookassaReceipt, YookassaReceiptItem } from "../client/types"
import type { YookassaOptions } from "../options"
import { allocateKopecks } from "./allocate-kopecks"
import { fromMinor, toMinor } from "./amount"

export type ReceiptLine = { title: string; quantity: number; total: BigNumberInput }
export type ReceiptContact = { email?: string | null; phone?: string | null }

const DESCRIPTION_LIMIT = 128

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
 * A 54-FZ receipt whose item sums equal the payment `amount` to the kopeck. Medusa's line
 * totals keep full precision (37 786.631 ₽ after a 7.77 % promotion) while Yookassa is paid
 * the amount rounded to kopecks, so the lines are first fitted to that amount kopeck by
 * kopeck (allocateKopecks). A line whose part does not divide evenly by its quantity is then
 * split in two (n-1 at the lower unit price, one carrying the remainder), as the receipt needs
 * a unit price per item; units priced 0.00 are left out (a receipt item has a positive price).
 *
 * @throws MedusaError INVALID_DATA when the lines cannot make up the amount.
 */
export function buildReceipt(
  lines: ReceiptLine[],
  amount: BigNumberInput,
  customer: YookassaReceipt["customer"],
  currencyCode: string,
  settings: YookassaOptions["receipts"]
): YookassaReceipt {
  const currency = currencyCode.toUpperCase()
  const item = (title: string, quantity: bigint, unitMinor: bigint): YookassaReceiptItem => ({
    description: title.slice(0, DESCRIPTION_LIMIT),
    quantity: `${quantity}.00`,
    amount: { value: fromMinor(unitMinor), currency },
    vat_code: settings.vatCode,
    payment_subject: settings.paymentSubject,
    payment_mode: settings.paymentMode,
  })

  const listed = lines.filter((line) => wholeQuantity(line) > 0)
  const parts = allocateKopecks(
    listed.map((line) => line.total),
    toMinor(amount)
  )
  const items = listed.flatMap((line, index) =>
    unitsOf(parts[index], BigInt(line.quantity)).map(([quantity, unit]) => item(line.title, quantity, unit))
  )
  return {
    customer,
    items,
    ...(settings.taxSystemCode ? { tax_system_code: settings.taxSystemCode } : {}),
  }
}

/** A line's quantity, which a receipt line needs whole (Medusa's line items have whole quantities). */
function wholeQuantity(line: ReceiptLine): number {
  if (!Number.isSafeInteger(line.quantity)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Receipt line "${line.title}" has a quantity of ${line.quantity}: a receipt lists whole units`
    )
  }
  return line.quantity
}

/** `total` kopecks over `quantity` units as [units, unit price] pairs, none priced 0.00. */
function unitsOf(total: bigint, quantity: bigint): Array<[bigint, bigint]> {
  const unit = total / quantity
  const remainder = total - unit * quantity
  const pairs: Array<[bigint, bigint]> =
    remainder === 0n
      ? [[quantity, unit]]
      : [
          [quantity - 1n, unit],
          [1n, unit + remainder],
        ]
  return pairs.filter(([units, price]) => units > 0n && price > 0n)
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
