import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STARS_PROVIDER_ID } from "../../../providers/telegram-stars/options"
import { starsPlugin } from "../../../stars/plugin-services"
import { loadCartForStars, starsPriceOf } from "../../../stars/price"

/**
 * Runs before Medusa's POST /store/payment-collections/:id/payment-sessions. For Telegram
 * Stars, the session's `data` is whatever the server says it is: the cart and its price in
 * Stars, computed here from the cart and the configured rate, and nothing the client sent.
 */
export function buildStarsSessionData(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { provider_id?: unknown }
  if (body.provider_id !== STARS_PROVIDER_ID) {
    return next()
  }
  replaceSessionData(req).then(() => next(), next)
}

async function replaceSessionData(req: MedusaRequest): Promise<void> {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: req.params.id },
  })
  const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id
  if (!cartId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Telegram Stars pay for carts: this payment collection has no cart"
    )
  }
  const { options } = starsPlugin(req.scope)
  const price = starsPriceOf(await loadCartForStars(req.scope, cartId), options.rubPerStar)
  req.body = {
    provider_id: STARS_PROVIDER_ID,
    data: { cart_id: cartId, stars_amount: price.stars, description: price.description },
  }
}
