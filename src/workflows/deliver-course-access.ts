import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { CUSTOMER_TELEGRAM_FIELDS, customerTelegram, type CustomerWithTelegram } from "../utils/customer-telegram"
import { createCourseInviteLinksStep } from "./steps/create-course-invite-links"
import { sendCourseAccessMessagesStep } from "./steps/send-course-access-messages"

export type DeliverCourseAccessInput = { access_ids: string[] }

/** What handing one access over needs: its course's access data and the buyer's Telegram. */
export type CourseDelivery = {
  access_id: string
  title: string
  telegram_user_id: string | null
  allows_write_to_pm: boolean
  /** The course's channel or group now, if it has one. */
  chat_id: string | null
  invite_link: string | null
  access_url: string | null
  instructions: string | null
}

type AccessRow = {
  id: string
  product_id: string
  telegram_user_id: string | null
  invite_link: string | null
  product?: { title?: string | null } | null
  customer?: CustomerWithTelegram
}

type ConfigRow = { product_id: string; access_url: string | null; telegram_chat_id: string | null; instructions: string | null }

/**
 * Hands granted accesses over: a join-request link for a course with a channel or group,
 * then the buyer's private message. The subscriber and the delivery job may both run it: under
 * a lock per access, only active accesses not delivered yet are touched.
 */
export const deliverCourseAccessWorkflow = createWorkflow("deliver-course-access", (input: DeliverCourseAccessInput) => {
  const lockKeys = transform({ input }, ({ input }) => input.access_ids.map((id) => `course-access:deliver:${id}`))
  acquireLockStep({ key: lockKeys, timeout: 30, ttl: 120 })

  const { data: accesses } = useQueryGraphStep({
    entity: "course_access",
    fields: ["id", "product_id", "telegram_user_id", "invite_link", "product.title", ...CUSTOMER_TELEGRAM_FIELDS],
    filters: { id: input.access_ids, status: "active", delivered_at: null },
  }).config({ name: "load-undelivered-accesses" })

  const productIds = transform({ accesses }, ({ accesses }) => [
    ...new Set((accesses as unknown as AccessRow[]).map((access) => access.product_id)),
  ])
  const { data: configs } = useQueryGraphStep({
    entity: "course_access_config",
    fields: ["product_id", "access_url", "telegram_chat_id", "instructions"],
    filters: { product_id: productIds },
  }).config({ name: "load-course-access-config" })

  const deliveries = transform({ accesses, configs }, ({ accesses, configs }): CourseDelivery[] => {
    const byProduct = new Map((configs as unknown as ConfigRow[]).map((data) => [data.product_id, data]))
    return (accesses as unknown as AccessRow[]).map((access) => {
      const data = byProduct.get(access.product_id)
      return {
        access_id: access.id,
        title: access.product?.title ?? "",
        telegram_user_id: access.telegram_user_id,
        allows_write_to_pm: customerTelegram(access.customer)?.allows_write_to_pm === true,
        chat_id: data?.telegram_chat_id ?? null,
        invite_link: access.invite_link,
        access_url: data?.access_url ?? null,
        instructions: data?.instructions ?? null,
      }
    })
  })

  const withLinks = createCourseInviteLinksStep(deliveries)
  const outcomes = sendCourseAccessMessagesStep(withLinks)
  releaseLockStep({ key: lockKeys })
  return new WorkflowResponse(outcomes)
})
