/** The `user` object of Telegram's initData (https://core.telegram.org/bots/webapps#webappuser). */
export type TelegramUser = {
  id: number
  first_name: string
  last_name?: string
  username?: string
  language_code?: string
  is_premium?: boolean
  is_bot?: boolean
  photo_url?: string
  allows_write_to_pm?: boolean
}

/** initData whose signature, age and shape were checked. */
export type VerifiedInitData = {
  user: TelegramUser
  authDate: Date
  startParam?: string
}

/** What the store keeps about a shopper's Telegram account (auth identity, customer metadata). */
export type TelegramProfile = {
  id: number
  first_name: string
  last_name: string | null
  username: string | null
  language_code: string | null
  photo_url: string | null
  is_premium: boolean
  allows_write_to_pm: boolean
}
