import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { setTimeout as sleep } from "node:timers/promises"

/** What the Mini App shows when another of the shopper's carts holds the lock past the wait. */
export const PURCHASE_BUSY_MESSAGE =
  "Another of your purchases is being completed right now: try again in a few seconds."

/** Long enough for a completion under a burst; a crashed process's lock ends by itself. */
const EXPIRE_SECONDS = 120
const WAIT_SECONDS = 30
const RETRY_MS = 100

/**
 * One completion at a time per customer: "already owned" is checked and the order placed while
 * this is held, so two carts with the same course cannot both pass the check (cart locks alone
 * keep only each cart's own completions apart).
 */
export type PurchaseLock = { key: string; ownerId: string }

/** The owner is the completion run, so even two runs for one cart wait for each other. */
export function purchaseLockOf(customerId: string, cartId: string, runId = ""): PurchaseLock {
  return { key: `course-access:purchase:${customerId}`, ownerId: `cart:${cartId}:${runId}` }
}

/** Waits for the lock up to WAIT_SECONDS, then refuses with a CONFLICT (HTTP 409, retried by the settlement). */
export async function acquirePurchaseLock(container: MedusaContainer, lock: PurchaseLock): Promise<void> {
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  const deadline = Date.now() + WAIT_SECONDS * 1000
  for (;;) {
    try {
      await locking.acquire(lock.key, { ownerId: lock.ownerId, expire: EXPIRE_SECONDS })
      return
    } catch {
      if (Date.now() >= deadline) {
        throw new MedusaError(MedusaError.Types.CONFLICT, PURCHASE_BUSY_MESSAGE)
      }
      await sleep(RETRY_MS)
    }
  }
}

export async function releasePurchaseLock(container: MedusaContainer, lock: PurchaseLock): Promise<void> {
  await container.resolve<ILockingModule>(Modules.LOCKING).release(lock.key, { ownerId: lock.ownerId })
}
