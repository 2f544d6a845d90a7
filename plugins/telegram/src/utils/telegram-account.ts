/** A customer's verified Telegram account, as query.graph returns `customer.telegram_account`. */
export type TelegramAccountRecord = {
  telegram_user_id: string
  first_name: string
  last_name: string | null
  username: string | null
  language_code: string | null
  photo_url: string | null
  is_premium: boolean
  allows_write_to_pm: boolean
}

/** Fields to ask query.graph for, below a customer: `customer.${field}`. */
export const TELEGRAM_ACCOUNT_FIELDS = [
  "telegram_account.telegram_user_id",
  "telegram_account.first_name",
  "telegram_account.last_name",
  "telegram_account.username",
  "telegram_account.language_code",
  "telegram_account.photo_url",
  "telegram_account.is_premium",
  "telegram_account.allows_write_to_pm",
]

/** The account's Telegram id, only if it is a positive safe integer (so it can go into a link or an API call). */
export function telegramUserIdOf(
  account: Pick<TelegramAccountRecord, "telegram_user_id"> | null | undefined
): number | undefined {
  const raw = account?.telegram_user_id
  if (typeof raw !== "string" || !/^[1-9]\d{0,15}$/.test(raw)) {
    return undefined
  }
  const id = Number(raw)
  return Number.isSafeInteger(id) ? id : undefined
}
