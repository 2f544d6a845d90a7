import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type CartOwner = { id: string; customer_id?: string | null; customer?: { has_account?: boolean | null } | null }

/**
 * Medusa's store cart routes answer anyone who knows a cart's id: read its e-mail and lines,
 * change it, pay for it, complete it. A registered customer's cart answers only that customer
 * (after `authenticate(..., { allowUnauthenticated: true })`); to anyone else it does not exist,
 * with the same 404 as a cart that never did (and that gets it here, for every route). A guest's
 * cart stays Medusa's: whoever holds its id.
 */
export function requireCartOwner(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  refuseOthersCart(req, req.params.id).then(() => next(), next)
}

/** `POST /store/payment-collections` names its cart in the body. */
export function requireCartOwnerOfNewCollection(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = (req.body as { cart_id?: unknown } | undefined)?.cart_id
  refuseOthersCart(req, typeof cartId === "string" ? cartId : undefined).then(() => next(), next)
}

/** `/store/payment-collections/:id/*`: the collection answers as its cart does. */
export function requireCartOwnerOfCollection(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  cartOfCollection(req.scope, req.params.id)
    .then((cartId) =>
      refuseOthersCart(req, cartId, `Payment collection with id '${req.params.id.slice(0, 64)}' not found`)
    )
    .then(() => next(), next)
}

async function refuseOthersCart(req: MedusaRequest, cartId: string | undefined, message?: string) {
  if (!cartId) {
    return
  }
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.has_account"],
    filters: { id: cartId },
  })
  const cart = data[0] as CartOwner | undefined
  const auth = (req as AuthenticatedMedusaRequest).auth_context
  const shopper = auth?.actor_type === "customer" ? auth.actor_id : undefined
  // A missing cart gets Medusa's own 404 here too, which 2.21.2's DELETE of a line item turns into a
  // 500 (its validate-cart step reads the missing cart's completed_at).
  if (!cart || (cart.customer_id && cart.customer?.has_account && cart.customer_id !== shopper)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, message ?? `Cart with id '${cartId.slice(0, 64)}' not found`)
  }
}

async function cartOfCollection(container: MedusaContainer, collectionId: string): Promise<string | undefined> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: collectionId },
  })
  return (data[0] as { cart_id?: string } | undefined)?.cart_id
}
