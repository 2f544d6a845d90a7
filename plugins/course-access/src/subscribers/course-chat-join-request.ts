import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { TELEGRAM_UPDATE_EVENT } from "@aistore/medusa-telegram/bot"
import { COURSE_ACCESS_MODULE } from "../modules/course-access"
import type CourseAccessModuleService from "../modules/course-access/service"
import { removeChatMember } from "../delivery/remove-chat-member"
import { courseChatBot } from "../plugin-services"

/** The part of Telegram's ChatJoinRequest this handler reads. */
const JoinRequest = z.object({
  chat: z.object({ id: z.number().int() }),
  from: z.object({ id: z.number().int().positive() }),
})

/**
 * Answers join requests to course channels and groups: approved only for a Telegram account
 * that owns an active access to a course of that chat, declined for anyone else, so a join
 * link passed on is worthless. Requests to chats that are no course's are left alone.
 */
export default async function answerCourseChatJoinRequest({
  event,
  container,
}: SubscriberArgs<{ chat_join_request?: unknown }>) {
  const parsed = JoinRequest.safeParse(event.data.chat_join_request)
  if (!parsed.success) {
    return
  }
  const chatId = String(parsed.data.chat.id)
  const userId = parsed.data.from.id
  const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)

  const courses = await service.listCourseAccessConfigs(
    { telegram_chat_id: chatId },
    { select: ["product_id"], take: null }
  )
  const [linked] = await service.listCourseAccesses({ telegram_chat_id: chatId }, { select: ["id"], take: 1 })
  if (!courses.length && !linked) {
    return
  }
  const productIds = courses.map((course) => course.product_id)
  const owned = await activeAccessesInChat(service, chatId, userId, productIds)

  const bot = courseChatBot(container)
  try {
    if (!owned.length) {
      await bot.declineChatJoinRequest(chatId, userId)
      return
    }
    await bot.approveChatJoinRequest(chatId, userId)
    const now = new Date()
    // An access without a link learns its chat here, so revoking it later removes the member.
    await service.updateCourseAccesses(
      owned.map((access) => ({ id: access.id, joined_at: now, telegram_chat_id: access.telegram_chat_id ?? chatId }))
    )
    // A revocation that released the chat while Telegram was approving saw no joined_at and left
    // the member in: read again after writing it, and take them out if nothing entitles them now.
    if (!(await activeAccessesInChat(service, chatId, userId, productIds)).length) {
      await removeChatMember(bot, chatId, userId)
    }
  } catch (error) {
    // A request Telegram delivered twice is already answered (400); nothing else to do here.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Join request of ${userId} to course chat ${chatId} not answered: ${(error as Error).message}`)
  }
}

/** Active accesses of this Telegram user to this chat: through a link made for it, or a course whose chat it is now. */
async function activeAccessesInChat(
  service: CourseAccessModuleService,
  chatId: string,
  userId: number,
  productIds: string[]
) {
  const owner = { telegram_user_id: String(userId), status: "active" as const }
  const [viaLink, viaCourse] = await Promise.all([
    service.listCourseAccesses(
      { ...owner, telegram_chat_id: chatId },
      { select: ["id", "telegram_chat_id"], take: null }
    ),
    productIds.length
      ? service.listCourseAccesses(
          { ...owner, product_id: productIds },
          { select: ["id", "telegram_chat_id"], take: null }
        )
      : Promise.resolve([]),
  ])
  return [...new Map([...viaLink, ...viaCourse].map((access) => [access.id, access])).values()]
}

export const config: SubscriberConfig = {
  event: TELEGRAM_UPDATE_EVENT,
  context: { subscriberId: "course-chat-join-request" },
}
