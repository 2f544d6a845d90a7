import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { purchaseLockOf, releasePurchaseLock } from "../../cart/purchase-lock"

type OrderCreatedHook = (
  invoke: (
    input: { order_id: string; cart_id: string },
    context: { container: MedusaContainer; transactionId?: string }
  ) => Promise<void>
) => void

/**
 * Medusa 2.21.2 declares the orderCreated hook (after the order and its payment transaction
 * exist) but leaves it out of the workflow's types. Refuse to load rather than leave the
 * customer's purchase lock held until it expires, should an upgrade take it away.
 */
const { orderCreated } = completeCartWorkflow.hooks as unknown as { orderCreated?: OrderCreatedHook }
if (typeof orderCreated !== "function") {
  throw new Error("completeCartWorkflow has no orderCreated hook: the course purchase lock cannot be released")
}

/**
 * The order is placed: the customer's next completion may check what they own, which now
 * includes this order (validate-cart-courses took the lock).
 */
orderCreated(async ({ cart_id }, { container, transactionId }) => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: ["customer_id"],
    filters: { id: cart_id },
  })
  const customerId = (data[0] as { customer_id?: string | null } | undefined)?.customer_id
  if (customerId) {
    await releasePurchaseLock(container, purchaseLockOf(customerId, cart_id, transactionId))
  }
})
