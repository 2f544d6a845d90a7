import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertCourseCart, type CartLine } from "../../cart/course-cart-rules"

/** What the hook reads of the cart the workflow loaded (its query fields are Medusa's). */
type CartForCompletion = {
  completed_at?: Date | string | null
  customer_id?: string | null
  items?: (CartLine | null)[] | null
}

/**
 * The last guard of "one course, one purchase": however a cart got its lines (before the
 * shopper signed in, through a cart transfer), it does not become an order with a course
 * twice, a quantity above 1, or a course its customer already owns.
 * A cart that is already an order (paid through a webhook before the shopper came back)
 * only returns that order: its courses are owned through it, which is no reason to refuse.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const { completed_at, customer_id, items }: CartForCompletion = cart
  if (completed_at) {
    return
  }
  await assertCourseCart(container, {
    customerId: customer_id,
    lines: (items ?? []).flatMap((item) => (item ? [item] : [])),
  })
})
