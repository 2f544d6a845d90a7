import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clientAddress } from "../../../utils/client-address"
import { clickTrackingOptions } from "../../../options"
import { counterForApp } from "../../../utils/rate-limit/counter-for-app"
import type { StoreClicksBodyType } from "./validators"

/**
 * Per-client budget of events (option `rateLimit`). The client is the signed-in customer, else
 * the address the request came from (the Mini App's session id is the client's own choice, so a
 * client could dodge any limit keyed on it). Runs after validation, before anything is written:
 * a batch over the budget gets 429 with Retry-After and is not stored at all.
 */
export async function rateLimitClicks(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const { rateLimit, trustedProxyHops } = clickTrackingOptions(req.scope)
  if (!rateLimit) {
    return next()
  }
  // Both set by the middlewares before this one: authenticate and validateAndTransformBody.
  const { auth_context, validatedBody } = req as AuthenticatedMedusaRequest<StoreClicksBodyType>
  const client = rateLimitKey(auth_context?.actor_id, () => clientAddress(req, trustedProxyHops))

  let admission
  try {
    admission = await counterForApp(req.scope, rateLimit).take(client, validatedBody.events.length)
  } catch (error) {
    // Analytics must not break the Mini App: without a counter, let the batch in and say so.
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Click tracking: rate limit unavailable (${error}); batch let in`)
    return next()
  }
  if (!admission.allowed) {
    res.setHeader("Retry-After", String(admission.retryAfterSeconds))
    res.status(429).json({
      type: "too_many_requests",
      message: `Too many events: at most ${rateLimit.events} per ${rateLimit.windowSeconds} s from one client; retry in ${admission.retryAfterSeconds} s`,
    })
    return
  }
  next()
}

/** The budget a batch counts against: the signed-in customer's wherever they are, else the address's. */
export function rateLimitKey(customerId: string | undefined, address: () => string): string {
  return customerId ? `customer:${customerId}` : `address:${address()}`
}
