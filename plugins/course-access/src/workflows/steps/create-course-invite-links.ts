import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { TelegramDeliveryError } from "@aistore/medusa-telegram/bot"
import { courseChatBot } from "../../plugin-services"
import type { CourseDelivery } from "../../queries/course-deliveries"

type CreatedLink = { access_id: string; chat_id: string; invite_link: string }

/** Telegram caps an invite link's name at 32 characters (not UTF-16 units); the merchant sees it in the chat's link list. */
export const linkName = (delivery: Pick<CourseDelivery, "telegram_user_id" | "title">) =>
  Array.from(`${delivery.telegram_user_id} ${delivery.title}`).slice(0, 32).join("")

/**
 * Makes one join-request link per buyer and course chat. A link Telegram refuses now is left
 * out (that access stays undelivered and the delivery job tries again), so one bad chat
 * does not hold back the rest. Returns the deliveries with their links.
 */
export const createCourseInviteLinksStep = createStep(
  "create-course-invite-links",
  async (deliveries: CourseDelivery[], { container }) => {
    const service = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const bot = courseChatBot(container)
    const created: CreatedLink[] = []
    for (const delivery of deliveries) {
      if (!delivery.chat_id || !delivery.telegram_user_id || delivery.invite_link) {
        continue
      }
      try {
        const inviteLink = await bot.createJoinRequestLink(delivery.chat_id, linkName(delivery))
        created.push({ access_id: delivery.access_id, chat_id: delivery.chat_id, invite_link: inviteLink })
      } catch (error) {
        const refused = error instanceof TelegramDeliveryError && !error.retryable
        const hint = refused ? " (the bot must be an admin of the chat, allowed to invite users)" : ""
        logger.warn(
          `Course access ${delivery.access_id}: no join link for chat ${delivery.chat_id} yet${hint}: ${(error as Error).message}`
        )
      }
    }
    if (created.length) {
      await service.updateCourseAccesses(
        created.map((link) => ({ id: link.access_id, telegram_chat_id: link.chat_id, invite_link: link.invite_link }))
      )
    }
    const byAccess = new Map(created.map((link) => [link.access_id, link.invite_link]))
    return new StepResponse(
      deliveries.map((delivery) => ({
        ...delivery,
        invite_link: delivery.invite_link ?? byAccess.get(delivery.access_id) ?? null,
      })),
      created
    )
  },
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    const bot = courseChatBot(container)
    for (const link of created) {
      await bot.revokeChatInviteLink(link.chat_id, link.invite_link).catch(() => undefined)
    }
    await container
      .resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
      .updateCourseAccesses(created.map((link) => ({ id: link.access_id, telegram_chat_id: null, invite_link: null })))
  }
)
