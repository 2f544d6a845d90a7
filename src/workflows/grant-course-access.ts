import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { CUSTOMER_TELEGRAM_FIELDS, customerTelegram, type CustomerWithTelegram } from "../utils/customer-telegram"
import { coveredLines, ORDER_FOR_GRANT_FIELDS, type OrderForGrant } from "../utils/order-coverage"
import { createCourseAccessesStep } from "./steps/create-course-accesses"

export type GrantCourseAccessInput = { order_id: string }

type OrderWithCustomer = OrderForGrant & { customer?: CustomerWithTelegram }

/**
 * Grants an order's courses as far as the money kept covers them (see coveredLines). Run on
 * order.placed and payment.captured, which may arrive together: a lock per order keeps the
 * two runs apart, and granted lines are never granted again. Returns the new accesses,
 * whose delivery (link, message) is deliverCourseAccessWorkflow's.
 */
export const grantCourseAccessWorkflow = createWorkflow("grant-course-access", (input: GrantCourseAccessInput) => {
  const lockKey = transform({ input }, ({ input }) => `course-access:order:${input.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: [...ORDER_FOR_GRANT_FIELDS, ...CUSTOMER_TELEGRAM_FIELDS],
    filters: { id: input.order_id },
  })

  const grant = transform({ orders }, ({ orders }) => {
    const order = orders[0] as unknown as OrderWithCustomer | undefined
    const telegram = customerTelegram(order?.customer)
    return {
      order_id: order?.id ?? "",
      customer_id: order?.customer_id ?? "",
      telegram_user_id: telegram ? String(telegram.id) : null,
      lines: order ? coveredLines(order) : [],
    }
  })
  const created = createCourseAccessesStep(grant)

  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(created)
})
