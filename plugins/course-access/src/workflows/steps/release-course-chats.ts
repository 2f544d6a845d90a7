import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { TelegramDeliveryError } from "@aistore/medusa-telegram/bot"
import { removeChatMember } from "../../delivery/remove-chat-member"
import { courseChatBot } from "../../plugin-services"

/**
 * After revocation: revokes the buyer's join link and removes them from the course chat
 * (ban, then unban, so they may buy and join again). Telegram being unreachable leaves the
 * access for the delivery job; a refusal that no retry can change (the bot lost its admin
 * rights, the chat is gone) is logged and not tried again. Never throws: the revocation
 * itself is already done. Returns the ids released.
 */
export const releaseCourseChatsStep = createStep("release-course-chats", async (accessIds: string[], { container }) => {
  const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (!accessIds.length) {
    return new StepResponse([] as string[])
  }
  const accesses = await service.listCourseAccesses(
    { id: accessIds, status: "revoked", chat_released_at: null },
    { select: ["id", "telegram_chat_id", "telegram_user_id", "invite_link", "joined_at"], take: null }
  )
  const bot = courseChatBot(container)
  const released: string[] = []
  for (const access of accesses) {
    const chatId = access.telegram_chat_id
    try {
      if (chatId && access.invite_link) {
        await bot.revokeChatInviteLink(chatId, access.invite_link)
      }
      if (
        chatId &&
        access.joined_at &&
        access.telegram_user_id &&
        !(await stillMember(service, chatId, access.telegram_user_id))
      ) {
        await removeChatMember(bot, chatId, Number(access.telegram_user_id))
      }
      released.push(access.id)
    } catch (error) {
      const retryable = !(error instanceof TelegramDeliveryError) || error.retryable
      logger.warn(
        `Course access ${access.id}: chat ${chatId} not released${retryable ? ", will retry" : ""}: ${(error as Error).message}`
      )
      if (!retryable) {
        released.push(access.id)
      }
    }
  }
  if (released.length) {
    const now = new Date()
    await service.updateCourseAccesses(released.map((id) => ({ id, chat_released_at: now })))
  }
  return new StepResponse(released)
})

/** Another course sharing the chat keeps its owner in it. */
async function stillMember(
  service: CourseAccessModuleService,
  chatId: string,
  telegramUserId: string
): Promise<boolean> {
  const [other] = await service.listCourseAccesses(
    { telegram_chat_id: chatId, telegram_user_id: telegramUserId, status: "active" },
    { select: ["id"], take: 1 }
  )
  return Boolean(other)
}
