import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CLICK_TRACKING_MODULE } from "../../../modules/click-tracking"
import type ClickTrackingModuleService from "../../../modules/click-tracking/service"
import { CLIENT_EVENT_TYPES, PURCHASE_EVENT } from "../../../utils/event-types"
import { clickTrackingOptions } from "../../../options"
import { assertProductsExist } from "./known-products"
import type { StoreClicksBodyType } from "./validators"

/**
 * POST /store/clicks: a batch of shopper events, stored in one insert. The whole batch
 * is checked first, so a rejected batch writes nothing. When a signed-in shopper reports
 * from a session, that session's recent anonymous events become theirs.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreClicksBodyType>, res: MedusaResponse) {
  const { events } = req.validatedBody
  const customerId = req.auth_context?.actor_id || null

  // The options refuse a custom type that is a built-in one; `purchase` stays the server's alone.
  const allowed = new Set<string>([...CLIENT_EVENT_TYPES, ...(clickTrackingOptions(req.scope).customTypes ?? [])])
  allowed.delete(PURCHASE_EVENT)
  events.forEach((event, index) => {
    if (!allowed.has(event.type)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `events[${index}].type: unknown event type "${event.type}"`)
    }
  })
  await assertProductsExist(req.scope, events)

  const clicks = req.scope.resolve<ClickTrackingModuleService>(CLICK_TRACKING_MODULE)
  const receivedAt = new Date()
  await clicks.insertEvents(
    events.map((event) => ({
      type: event.type,
      session_id: event.session_id ?? null,
      customer_id: customerId,
      product_id: event.product_id ?? null,
      category_id: event.category_id ?? null,
      details: event.details ?? null,
      occurred_at: event.occurred_at,
      received_at: receivedAt,
    }))
  )

  const sessions = [...new Set(events.map((event) => event.session_id).filter((id): id is string => !!id))]
  if (customerId && sessions.length) {
    await clicks.claimSessions(customerId, sessions)
  }

  res.status(202).json({ accepted: events.length })
}
