import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { PROVIDER_ID } from "../../../options"
import { settleYookassaPayment } from "../../../settlement/settle-yookassa-payment"
import { cartOfCollection } from "./cart-of-collection"

const LOCK_TIMEOUT_SECONDS = 10
/** Collection states in which money is already taken or promised. */
const PAID = new Set(["authorized", "partially_authorized", "captured", "partially_captured", "completed"])

/**
 * Runs before Medusa's POST /store/payment-collections/:id/payment-sessions, which deletes
 * every session of the collection, takes no lock and never asks whether the cart is paid.
 * 1. A Yookassa payment of a live session that was paid meanwhile (the webhook is late) is
 *    settled first, so a second tap on Pay finds the order instead of starting over.
 * 2. Under the cart's lock (the one Medusa's cart completion and the settlement take), a cart
 *    that is an order or a collection already paid is refused with 400 naming the order.
 * 3. The lock is held until the response is sent: one session request per cart at a time.
 */
export function guardPaymentSession(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  guard(req, res, next).catch(next)
}

async function guard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  const collectionId = req.params.id
  const cartId = await cartOfCollection(req.scope, collectionId)
  if (!cartId) {
    return next()
  }
  await settleLiveYookassaSessions(req.scope, collectionId)

  const locking = req.scope.resolve<ILockingModule>(Modules.LOCKING)
  let lockedUntilResponse: Promise<void> | undefined
  await locking
    .execute(
      cartId,
      async () => {
        await refuseWhenPaid(req.scope, collectionId, cartId)
        lockedUntilResponse = new Promise<void>((resolve) => {
          res.once("finish", resolve)
          res.once("close", resolve)
        })
        next()
        await lockedUntilResponse
      },
      { timeout: LOCK_TIMEOUT_SECONDS }
    )
    .catch((error: unknown) => {
      if (lockedUntilResponse) {
        return // next() ran: the response is Medusa's
      }
      if (error instanceof MedusaError) {
        throw error
      }
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "A payment is being started for this cart already: try again in a moment"
      )
    })
}

async function settleLiveYookassaSessions(container: MedusaContainer, collectionId: string): Promise<void> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment_session",
    fields: ["id", "data"],
    filters: { payment_collection_id: collectionId, provider_id: PROVIDER_ID, status: ["pending", "authorized"] },
  })
  for (const session of data as Array<{ data?: { id?: string } | null }>) {
    if (!session.data?.id) {
      continue
    }
    try {
      await settleYookassaPayment(container, session.data.id)
    } catch (error) {
      // Yookassa unreachable: start the new session anyway; if the old one was paid, the
      // reconciliation job settles it (its session is gone, so it is given back).
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Yookassa payment ${session.data.id} could not be settled before a new session: ${String(error)}`)
    }
  }
}

async function refuseWhenPaid(container: MedusaContainer, collectionId: string, cartId: string): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: orders }, { data: collections }] = await Promise.all([
    query.graph({ entity: "order_cart", fields: ["order.id", "order.display_id"], filters: { cart_id: cartId } }),
    query.graph({ entity: "payment_collection", fields: ["status"], filters: { id: collectionId } }),
  ])
  const order = (orders[0] as { order?: { id: string; display_id?: number } | null } | undefined)?.order
  if (order) {
    const name = order.display_id ? `#${order.display_id} (${order.id})` : order.id
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This cart is already paid: order ${name}`)
  }
  const status = (collections[0] as { status?: string } | undefined)?.status
  if (status && PAID.has(status)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `This cart is already paid: its order is being placed (cart ${cartId})`
    )
  }
}
