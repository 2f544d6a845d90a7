import { telegramUserIdOf, type TelegramAccountRecord } from "@aistore/medusa-telegram/modules/telegram-account"

/** A customer as query.graph returns it with CUSTOMER_TELEGRAM_FIELDS. */
export type CustomerWithTelegram = {
  telegram_account?: Pick<TelegramAccountRecord, "telegram_user_id" | "allows_write_to_pm"> | null
} | null

/** Below an entity with a `customer`: the verified Telegram account's id and write permission. */
export const CUSTOMER_TELEGRAM_FIELDS = [
  "customer.telegram_account.telegram_user_id",
  "customer.telegram_account.allows_write_to_pm",
]

export type CustomerTelegram = { id: number; allows_write_to_pm: boolean }

/**
 * The Telegram account a customer signed in with, from the telegram plugin's telegram_account
 * module (written only by the login); never customer.metadata, which the shopper can rewrite.
 */
export function customerTelegram(customer: CustomerWithTelegram | undefined): CustomerTelegram | undefined {
  const account = customer?.telegram_account
  const id = telegramUserIdOf(account)
  return id ? { id, allows_write_to_pm: account?.allows_write_to_pm === true } : undefined
}
