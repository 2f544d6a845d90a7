/**
 * The shopper's open cart and the cart being paid, remembered on this device per Telegram user
 * (one phone can hold several Telegram accounts). The cart id survives closing the Mini App; the
 * payment in progress only this session, so a relaunch after paying lands on its status page.
 */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const CART_ID = /^cart_[A-Za-z0-9]{1,58}$/

export class CartStorage {
  constructor(
    private readonly persistent: KeyValueStore,
    private readonly session: KeyValueStore,
    private readonly userId: string
  ) {}

  private get cartKey() {
    return `aistore:cart:${this.userId}`
  }

  private get paymentKey() {
    return `aistore:paying:${this.userId}`
  }

  cartId(): string | undefined {
    return valid(safeGet(this.persistent, this.cartKey))
  }

  setCartId(cartId: string | undefined): void {
    safeSet(this.persistent, this.cartKey, cartId)
  }

  /** The cart whose payment page was opened and whose outcome the shopper has not seen yet. */
  payingCartId(): string | undefined {
    return valid(safeGet(this.session, this.paymentKey))
  }

  setPayingCartId(cartId: string | undefined): void {
    safeSet(this.session, this.paymentKey, cartId)
  }

  /** The cart became an order: it is neither open nor being paid any more. */
  settled(cartId: string): void {
    if (this.cartId() === cartId) this.setCartId(undefined)
    if (this.payingCartId() === cartId) this.setPayingCartId(undefined)
  }
}

function valid(value: string | null): string | undefined {
  return value && CART_ID.test(value) ? value : undefined
}

// Storage can throw (private mode, quota, disabled): the cart is then simply not remembered.
function safeGet(store: KeyValueStore, key: string): string | null {
  try {
    return store.getItem(key)
  } catch {
    return null
  }
}

function safeSet(store: KeyValueStore, key: string, value: string | undefined): void {
  try {
    if (value) store.setItem(key, value)
    else store.removeItem(key)
  } catch {
    // not remembered
  }
}
