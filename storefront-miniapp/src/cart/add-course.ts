import { errorMessage } from "../api/http"
import type { Cart, StoreApi } from "../api/store"
import type { CartStorage } from "./cart-storage"

/** The backend's "one course, one purchase" answers (plugins/course-access/src/cart/course-cart-rules.ts). */
export const isOwnedMessage = (message: string) => /already own/i.test(message)
const isInCartMessage = (message: string) => /already in your cart/i.test(message)

export class AlreadyOwnedError extends Error {
  constructor() {
    super("already owned")
    this.name = "AlreadyOwnedError"
  }
}

/**
 * The shopper's open cart with this course in it: the remembered cart when it is still open,
 * else a new one. A course already in the cart is not added twice; one the shopper owns throws
 * AlreadyOwnedError, which the course page shows as "Open course", never as an error.
 */
export async function cartWithCourse(
  store: StoreApi,
  storage: CartStorage,
  regionId: string,
  variantId: string
): Promise<Cart> {
  try {
    const open = await openCart(store, storage)
    if (open) {
      if (open.items?.some((item) => item.variant_id === variantId)) return open
      try {
        return await store.addCourse(open.id, variantId)
      } catch (error) {
        if (isInCartMessage(errorMessage(error))) return store.retrieveCart(open.id)
        throw error
      }
    }
    const created = await store.createCart(regionId, variantId)
    storage.setCartId(created.id)
    return created
  } catch (error) {
    if (isOwnedMessage(errorMessage(error))) throw new AlreadyOwnedError()
    throw error
  }
}

/** The remembered cart if it is still a cart (not completed, still readable by this shopper). */
export async function openCart(store: StoreApi, storage: CartStorage): Promise<Cart | undefined> {
  const cartId = storage.cartId()
  if (!cartId) return undefined
  const cart = await store.retrieveCart(cartId).catch(() => undefined)
  if (cart && !cart.completed_at) return cart
  storage.setCartId(undefined)
  return undefined
}
