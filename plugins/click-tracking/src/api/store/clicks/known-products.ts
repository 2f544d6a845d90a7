import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { StoreClicksBodyType } from "./validators"

/** How long a product once seen is taken to exist without asking again. */
const REMEMBER_MS = 60_000
/** Product id → until when it is known to exist. Only real products get in: at most the catalogue. */
const known = new Map<string, number>()

/**
 * Refuses a batch naming a product that does not exist (400, with the event's index). Courses
 * seen in the last minute are not looked up again: on the ingest hot path that saves a product
 * query per batch, and an event for a course deleted within that minute does no harm.
 */
export async function assertProductsExist(container: MedusaContainer, events: StoreClicksBodyType["events"]) {
  const now = Date.now()
  const unseen = [
    ...new Set(
      events.map((event) => event.product_id).filter((id): id is string => !!id && (known.get(id) ?? 0) < now)
    ),
  ]
  if (unseen.length) {
    const found = await container
      .resolve(Modules.PRODUCT)
      .listProducts({ id: unseen }, { select: ["id"], take: unseen.length })
    for (const product of found) {
      known.set(product.id, now + REMEMBER_MS)
    }
  }
  const index = events.findIndex((event) => event.product_id && (known.get(event.product_id) ?? 0) < now)
  if (index >= 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `events[${index}].product_id: no product "${events[index].product_id}"`
    )
  }
}
