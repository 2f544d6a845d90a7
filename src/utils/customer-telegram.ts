import type { TelegramProfile } from "@aistore/medusa-telegram/types"

/** The Telegram account a customer signed in with (kept by the telegram plugin's login), if any. */
export function customerTelegram(metadata: Record<string, unknown> | null | undefined): TelegramProfile | undefined {
  const telegram = metadata?.telegram as Partial<TelegramProfile> | undefined
  return telegram && Number.isSafeInteger(telegram.id) ? (telegram as TelegramProfile) : undefined
}
