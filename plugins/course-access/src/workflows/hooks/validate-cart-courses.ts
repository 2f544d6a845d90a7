import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertCourseCart, type CartLine } from "../../cart/course-cart-rules"
import { acquirePurchaseLock, purchaseLockOf, releasePurchaseLock, type PurchaseLock } from "../../cart/purchase-lock"

/** What the hook reads of the cart the workflow loaded (its query fields are Medusa's). */
type CartForCompletion = {
  id: string
  completed_at?: Date | string | null
  customer_id?: string | null
  items?: (CartLine | null)[] | null
}

const NO_LOCK: PurchaseLock | undefined = undefined

/**
 * The last guard of "one course, one purchase": however a cart got its lines (before the
 * shopper signed in, through a cart transfer), it does not become an order with a course
 * twice, a quantity above 1, or a course its customer already owns.
 * The customer's purchase lock is taken before the check and held until the order is placed
 * (released by the orderCreated hook, or by this hook's compensation when completion fails),
 * so two of the customer's carts with the same course, completed at once, give one order.
 * A cart that is already an order (paid through a webhook before the shopper came back)
 * only returns that order: its courses are owned through it, which is no reason to refuse.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container, transactionId }) => {
    const { id, completed_at, customer_id, items }: CartForCompletion = cart
    if (completed_at) {
      return new StepResponse(undefined, NO_LOCK)
    }
    if (!customer_id) {
      await assertCourseCart(container, { lines: linesOf(items) })
      return new StepResponse(undefined, NO_LOCK)
    }
    const lock = purchaseLockOf(customer_id, id, transactionId)
    await acquirePurchaseLock(container, lock)
    try {
      await assertCourseCart(container, { customerId: customer_id, lines: linesOf(items) })
    } catch (error) {
      await releasePurchaseLock(container, lock)
      throw error
    }
    return new StepResponse(undefined, lock as PurchaseLock | undefined)
  },
  async (lock, { container }) => {
    if (lock) {
      await releasePurchaseLock(container, lock)
    }
  }
)

function linesOf(items: CartForCompletion["items"]): CartLine[] {
  return (items ?? []).flatMap((item) => (item ? [item] : []))
}
