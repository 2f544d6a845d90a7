import { sendTelegramNotification } from "@aistore/medusa-telegram/notifications"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"
import { courseAccessMessage } from "../../delivery/course-access-message"
import type { CourseDelivery } from "../../queries/course-deliveries"

export const COURSE_ACCESS_TEMPLATE = "course-access-granted"
export const COURSE_ACCESS_RESOURCE = "course_access"

export type MessageOutcome = "sent" | "failed" | "not_allowed" | "no_telegram" | "waiting_for_link"

/**
 * Sends each buyer their course in a private message (notification channel "telegram"), once
 * per access, and marks the access delivered. A buyer without Telegram, or who has not let
 * the bot write, gets no message; a refused message (403) stays on the notification record
 * for the order widget. An access still waiting for its join link is left for the job.
 * Never throws: the course is the buyer's whatever Telegram says.
 */
export const sendCourseAccessMessagesStep = createStep(
  "send-course-access-messages",
  async (deliveries: CourseDelivery[], { container }) => {
    const outcomes: { access_id: string; outcome: MessageOutcome }[] = []
    const delivered: string[] = []
    for (const delivery of deliveries) {
      const outcome = await send(container, delivery)
      outcomes.push({ access_id: delivery.access_id, outcome })
      if (outcome !== "waiting_for_link") {
        delivered.push(delivery.access_id)
      }
    }
    if (delivered.length) {
      const now = new Date()
      await container
        .resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
        .updateCourseAccesses(delivered.map((id) => ({ id, delivered_at: now })))
    }
    return new StepResponse(outcomes)
  }
)

async function send(container: MedusaContainer, delivery: CourseDelivery): Promise<MessageOutcome> {
  if (!delivery.telegram_user_id) {
    return "no_telegram"
  }
  if (delivery.chat_id && !delivery.invite_link) {
    return "waiting_for_link"
  }
  if (!delivery.allows_write_to_pm) {
    return "not_allowed"
  }
  const { html, reply_markup } = courseAccessMessage(delivery)
  const outcome = await sendTelegramNotification(container, {
    to: delivery.telegram_user_id,
    template: COURSE_ACCESS_TEMPLATE,
    data: { html, reply_markup, disable_link_preview: true },
    idempotency_key: `${COURSE_ACCESS_TEMPLATE}:${delivery.access_id}`,
    resource_id: delivery.access_id,
    resource_type: COURSE_ACCESS_RESOURCE,
  })
  return outcome.delivered ? "sent" : "failed"
}
