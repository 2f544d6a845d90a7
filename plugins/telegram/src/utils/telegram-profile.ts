import type { TelegramProfile, TelegramUser } from "../types"

/** What the store keeps of a Telegram user: never an e-mail, so it can never become an admin. */
export function toTelegramProfile(user: TelegramUser): TelegramProfile {
  return {
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name ?? null,
    username: user.username ?? null,
    language_code: user.language_code ?? null,
    photo_url: user.photo_url ?? null,
    is_premium: user.is_premium === true,
    allows_write_to_pm: user.allows_write_to_pm === true,
  }
}
