import { invalidRequest } from "./errors"
import { CURRENCY, formatKopecks, parseKopecks, parseQuantityMilli } from "./money"
import type { Receipt, ReceiptItem } from "./types"

/**
 * Request bodies checked the way Yookassa documents them (yookassa.ru/developers/api): the first
 * problem found is a 400 invalid_request whose `parameter` names the field.
 */

type Json = Record<string, unknown>

export type ConfirmationInput =
  { type: "redirect"; returnUrl: string; locale?: string } | { type: "embedded"; locale?: string }

export type CreatePaymentInput = {
  amountKopecks: number
  capture: boolean
  confirmation: ConfirmationInput
  description?: string
  metadata: Record<string, string>
  receipt?: Receipt
}

export type CaptureInput = { amountKopecks?: number; receipt?: Receipt }

export type CreateRefundInput = { paymentId: string; amountKopecks: number; description?: string; receipt?: Receipt }

const PAYMENT_DESCRIPTION_MAX = 128
const REFUND_DESCRIPTION_MAX = 250
const RETURN_URL_MAX = 2048
const METADATA_MAX_KEYS = 16
const METADATA_KEY_MAX = 32
const METADATA_VALUE_MAX = 512
const RECEIPT_ITEMS_MAX = 100
const ITEM_DESCRIPTION_MAX = 128
const LOCALES = ["ru_RU", "en_US"]
// vat_code 1–10 are documented; 11 and 12 are the 22% rates Yookassa added for 2026.
const VAT_CODE_MAX = 12
const TAX_SYSTEM_CODE_MAX = 6
const PAYMENT_SUBJECTS = [
  "commodity",
  "excise",
  "job",
  "service",
  "gambling_bet",
  "gambling_prize",
  "lottery",
  "lottery_prize",
  "intellectual_activity",
  "payment",
  "agent_commission",
  "property_right",
  "non_operating_gain",
  "insurance_premium",
  "sales_tax",
  "resort_fee",
  "composite",
  "another",
  "fine",
  "tax",
  "lien",
  "cost",
  "pension_insurance_without_payouts",
  "pension_insurance_with_payouts",
  "health_insurance_without_payouts",
  "health_insurance_with_payouts",
  "health_insurance",
  "casino",
  "agent_withdrawals",
  "non_marked_excise",
  "marked_excise",
  "marked",
  "non_marked",
]
const PAYMENT_MODES = [
  "full_prepayment",
  "partial_prepayment",
  "advance",
  "full_payment",
  "partial_payment",
  "credit",
  "credit_payment",
]
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// ITU-T E.164 without the plus: what Yookassa asks for in receipt.customer.phone.
const PHONE = /^[1-9]\d{6,14}$/

export function parseCreatePayment(body: Json): CreatePaymentInput {
  const amountKopecks = parseAmount(body.amount, "amount")
  if (body.capture !== undefined && typeof body.capture !== "boolean") {
    throw invalidRequest("capture must be true or false", "capture")
  }
  const receipt = body.receipt === undefined ? undefined : parseReceipt(body.receipt, "receipt")
  if (receipt) {
    assertReceiptTotal(receipt, amountKopecks, "payment")
  }
  return {
    amountKopecks,
    capture: body.capture === true,
    confirmation: parseConfirmation(body.confirmation),
    description: optionalString(body.description, "description", PAYMENT_DESCRIPTION_MAX),
    metadata: parseMetadata(body.metadata),
    receipt,
  }
}

export function parseCapture(body: Json): CaptureInput {
  return {
    amountKopecks: body.amount === undefined ? undefined : parseAmount(body.amount, "amount"),
    receipt: body.receipt === undefined ? undefined : parseReceipt(body.receipt, "receipt"),
  }
}

export function parseCreateRefund(body: Json): CreateRefundInput {
  if (typeof body.payment_id !== "string" || body.payment_id === "") {
    throw invalidRequest("payment_id is required", "payment_id")
  }
  const amountKopecks = parseAmount(body.amount, "amount")
  const receipt = body.receipt === undefined ? undefined : parseReceipt(body.receipt, "receipt")
  if (receipt) {
    assertReceiptTotal(receipt, amountKopecks, "refund")
  }
  return {
    paymentId: body.payment_id,
    amountKopecks,
    description: optionalString(body.description, "description", REFUND_DESCRIPTION_MAX),
    receipt,
  }
}

/** Σ item amount × quantity must equal what is paid, captured or refunded, to the kopeck. */
export function assertReceiptTotal(receipt: Receipt, amountKopecks: number, what: string): void {
  // Kopecks × thousandths of a unit, in BigInt: exact for any documented value.
  const totalMilli = receipt.items.reduce(
    (sum, item) => sum + BigInt(parseKopecks(item.amount.value)!) * BigInt(parseQuantityMilli(item.quantity)!),
    0n
  )
  if (totalMilli !== BigInt(amountKopecks) * 1000n) {
    const total = Number(totalMilli) / 100_000
    throw invalidRequest(
      `The sum of receipt items (${total.toFixed(2)}) must equal the ${what} amount (${formatKopecks(amountKopecks)})`,
      "receipt.items"
    )
  }
}

export function isJsonObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function parseAmount(value: unknown, parameter: string): number {
  if (!isJsonObject(value)) {
    throw invalidRequest(`${parameter} is required: { value, currency }`, parameter)
  }
  const kopecks = parseKopecks(value.value)
  if (kopecks === undefined) {
    throw invalidRequest(
      `${parameter}.value must be a decimal string with at most two decimals, e.g. "1500.00"`,
      `${parameter}.value`
    )
  }
  if (kopecks <= 0) {
    throw invalidRequest(`${parameter}.value must be greater than zero`, `${parameter}.value`)
  }
  if (value.currency !== CURRENCY) {
    throw invalidRequest(`${parameter}.currency must be ${CURRENCY} in this sandbox`, `${parameter}.currency`)
  }
  return kopecks
}

function parseConfirmation(value: unknown): ConfirmationInput {
  if (!isJsonObject(value)) {
    throw invalidRequest("confirmation is required", "confirmation")
  }
  if (value.locale !== undefined && !LOCALES.includes(value.locale as string)) {
    throw invalidRequest(`confirmation.locale must be one of ${LOCALES.join(", ")}`, "confirmation.locale")
  }
  const locale = value.locale as string | undefined
  if (value.type === "embedded") {
    return { type: "embedded", locale }
  }
  if (value.type !== "redirect") {
    throw invalidRequest("confirmation.type must be redirect or embedded in this sandbox", "confirmation.type")
  }
  const returnUrl = value.return_url
  if (typeof returnUrl !== "string" || returnUrl.length > RETURN_URL_MAX || !isHttpUrl(returnUrl)) {
    throw invalidRequest(
      `confirmation.return_url is required for type redirect: an http(s) URL of at most ${RETURN_URL_MAX} characters`,
      "confirmation.return_url"
    )
  }
  return { type: "redirect", returnUrl, locale }
}

function parseMetadata(value: unknown): Record<string, string> {
  if (value === undefined) {
    return {}
  }
  if (!isJsonObject(value)) {
    throw invalidRequest("metadata must be an object of strings", "metadata")
  }
  const entries = Object.entries(value)
  if (entries.length > METADATA_MAX_KEYS) {
    throw invalidRequest(`metadata may have at most ${METADATA_MAX_KEYS} keys`, "metadata")
  }
  for (const [key, item] of entries) {
    if (key.length > METADATA_KEY_MAX) {
      throw invalidRequest(`metadata key "${key}" is longer than ${METADATA_KEY_MAX} characters`, "metadata")
    }
    if (typeof item !== "string" || item.length > METADATA_VALUE_MAX) {
      throw invalidRequest(`metadata.${key} must be a string of at most ${METADATA_VALUE_MAX} characters`, "metadata")
    }
  }
  return { ...(value as Record<string, string>) }
}

function parseReceipt(value: unknown, parameter: string): Receipt {
  if (!isJsonObject(value)) {
    throw invalidRequest(`${parameter} must be an object`, parameter)
  }
  const customer = value.customer
  if (!isJsonObject(customer) || (customer.email === undefined && customer.phone === undefined)) {
    throw invalidRequest(
      `${parameter}.customer needs an email or a phone to send the receipt to`,
      `${parameter}.customer`
    )
  }
  if (customer.email !== undefined && (typeof customer.email !== "string" || !EMAIL.test(customer.email))) {
    throw invalidRequest(`${parameter}.customer.email is not an e-mail address`, `${parameter}.customer.email`)
  }
  if (customer.phone !== undefined && (typeof customer.phone !== "string" || !PHONE.test(customer.phone))) {
    throw invalidRequest(
      `${parameter}.customer.phone must be digits only in ITU-T E.164 format, e.g. 79000000000`,
      `${parameter}.customer.phone`
    )
  }
  const items = value.items
  if (!Array.isArray(items) || items.length === 0 || items.length > RECEIPT_ITEMS_MAX) {
    throw invalidRequest(`${parameter}.items must list 1 to ${RECEIPT_ITEMS_MAX} items`, `${parameter}.items`)
  }
  items.forEach((item, index) => checkReceiptItem(item, `${parameter}.items[${index}]`))
  const taxSystemCode = value.tax_system_code
  if (taxSystemCode !== undefined && !isIntegerBetween(taxSystemCode, 1, TAX_SYSTEM_CODE_MAX)) {
    throw invalidRequest(
      `${parameter}.tax_system_code must be an integer from 1 to ${TAX_SYSTEM_CODE_MAX}`,
      `${parameter}.tax_system_code`
    )
  }
  return structuredClone(value) as Receipt
}

function checkReceiptItem(item: unknown, parameter: string): asserts item is ReceiptItem {
  if (!isJsonObject(item)) {
    throw invalidRequest(`${parameter} must be an object`, parameter)
  }
  if (
    typeof item.description !== "string" ||
    item.description === "" ||
    item.description.length > ITEM_DESCRIPTION_MAX
  ) {
    throw invalidRequest(
      `${parameter}.description is required, at most ${ITEM_DESCRIPTION_MAX} characters`,
      `${parameter}.description`
    )
  }
  const quantity = parseQuantityMilli(item.quantity)
  if (quantity === undefined || quantity === 0) {
    throw invalidRequest(
      `${parameter}.quantity must be a positive number with at most 3 decimals`,
      `${parameter}.quantity`
    )
  }
  parseAmount(item.amount, `${parameter}.amount`)
  if (!isIntegerBetween(item.vat_code, 1, VAT_CODE_MAX)) {
    throw invalidRequest(`${parameter}.vat_code must be an integer from 1 to ${VAT_CODE_MAX}`, `${parameter}.vat_code`)
  }
  if (!PAYMENT_SUBJECTS.includes(item.payment_subject as string)) {
    throw invalidRequest(`${parameter}.payment_subject is missing or unknown`, `${parameter}.payment_subject`)
  }
  if (!PAYMENT_MODES.includes(item.payment_mode as string)) {
    throw invalidRequest(`${parameter}.payment_mode is missing or unknown`, `${parameter}.payment_mode`)
  }
}

function optionalString(value: unknown, parameter: string, max: number): string | undefined {
  if (value === undefined) {
    return undefined
  }
  if (typeof value !== "string" || value.length > max) {
    throw invalidRequest(`${parameter} must be a string of at most ${max} characters`, parameter)
  }
  return value
}

function isIntegerBetween(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === "http:" || protocol === "https:"
  } catch {
    return false
  }
}
