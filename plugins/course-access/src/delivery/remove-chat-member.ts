import type { TelegramBotClient } from "@aistore/medusa-telegram/bot"

/** Ban, then lift the ban at once: the member is out, and may buy the course and join again. */
export async function removeChatMember(bot: TelegramBotClient, chatId: string, userId: number): Promise<void> {
  await bot.banChatMember(chatId, userId)
  await bot.unbanChatMember(chatId, userId)
}
