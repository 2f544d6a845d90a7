import { transferCartCustomerWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"

/** What the hook reads of the cart the workflow loaded (its query fields are Medusa's). */
type CartBeingTransferred = { customer_id?: string | null; customer?: { has_account?: boolean | null } | null }

/**
 * `POST /store/carts/:id/customer` moves any cart to the signed-in customer, and Medusa does not
 * check who owned it: a cart id seen in a payment description or a return link would let someone
 * take over another shopper's cart. A guest's cart (no customer, or one without an account) still
 * moves to whoever signs in with it; a registered customer's cart stays theirs.
 */
transferCartCustomerWorkflow.hooks.validate(({ cart, input }) => {
  const { customer_id, customer }: CartBeingTransferred = cart
  if (customer_id && customer?.has_account && customer_id !== input.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart belongs to another customer and cannot be moved")
  }
})
