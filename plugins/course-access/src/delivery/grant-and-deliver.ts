import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deliverCourseAccessWorkflow } from "../workflows/deliver-course-access"
import { grantCourseAccessWorkflow } from "../workflows/grant-course-access"

/**
 * Grants what the order's payments cover, then hands it over. A delivery that fails here
 * (Telegram down) is not lost: the access is granted and the delivery job picks it up.
 * Returns how many courses were granted now.
 */
export async function grantAndDeliverCourseAccess(container: MedusaContainer, orderId: string): Promise<number> {
  const { result: granted } = await grantCourseAccessWorkflow(container).run({ input: { order_id: orderId } })
  if (!granted.length) {
    return 0
  }
  try {
    await deliverCourseAccessWorkflow(container).run({ input: { access_ids: granted.map((access) => access.id) } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Order ${orderId}: course access granted, delivery left to the job: ${(error as Error).message}`)
  }
  return granted.length
}
