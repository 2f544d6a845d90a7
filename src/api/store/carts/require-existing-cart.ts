import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * 404 for a cart id that names no cart. Medusa 2.21.2's `DELETE /store/carts/:id/line-items/:line_id`
 * reads the missing cart's `completed_at` and answers 500 (a TypeError in its validate-cart step).
 */
export async function requireExistingCart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: ["id"],
    filters: { id: req.params.id },
  })
  if (!data.length) {
    return next(new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id '${req.params.id.slice(0, 64)}' not found`))
  }
  next()
}
