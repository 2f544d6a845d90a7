import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Variant metadata key where the merchant may set a course's price in Stars (a whole number). */
export const VARIANT_STARS_PRICE_KEY = "stars_price"

type Amount = number | string | { valueOf(): number } | null | undefined

export type CartForStars = {
  id: string
  currency_code: string
  total: Amount
  shipping_total?: Amount
  items?: Array<{
    title?: string | null
    product_title?: string | null
    quantity: Amount
    total: Amount
    /** The line's total before promotions: a line's own Stars price is lowered as its total is. */
    original_total?: Amount
    variant?: { metadata?: Record<string, unknown> | null } | null
  } | null> | null
}

export type StarsPrice = {
  /** What the shopper pays, in Stars. */
  stars: number
  /** The cart's total in its own currency, which Medusa's payment records. */
  total: number
  description: string
}

const MICRO = 1_000_000n

function micro(amount: Amount): bigint {
  return BigInt(Math.round(Number(amount ?? 0) * 1_000_000))
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return a <= 0n ? 0n : (a + b - 1n) / b
}

function variantStars(metadata: Record<string, unknown> | null | undefined): number | undefined {
  const raw = metadata?.[VARIANT_STARS_PRICE_KEY]
  const value = typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : raw
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/** The currency `rubPerStar` converts from: a cart in any other would be priced as if it were roubles. */
const STARS_PRICED_FROM = "rub"

/** A line's own Stars price times its quantity, lowered in proportion to its promotions (rounded up). */
function discountedStars(stars: number, line: NonNullable<NonNullable<CartForStars["items"]>[number]>): number {
  const full = BigInt(stars) * BigInt(Number(line.quantity ?? 1))
  const original = micro(line.original_total ?? line.total)
  const paid = micro(line.total)
  return Number(original > 0n && paid < original ? ceilDiv(full * paid, original) : full)
}

/**
 * A cart's price in Stars: the Stars price the merchant set on a line's variant, times its
 * quantity and lowered as the line's promotions lower its total; every other line (and
 * shipping) from its roubles at `rubPerStar`, rounded up once. Exact arithmetic in millionths,
 * so 300 ₽ at 1.5 ₽ is 200 Stars, not 201. A cart in another currency than roubles is refused.
 */
export function starsPriceOf(cart: CartForStars, rubPerStar: number): StarsPrice {
  if (cart.currency_code?.toLowerCase() !== STARS_PRICED_FROM) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Telegram Stars are priced from roubles; this cart is in ${String(cart.currency_code).toUpperCase()}: pay by card instead`
    )
  }
  const lines = (cart.items ?? []).flatMap((item) => (item ? [item] : []))
  let fixed = 0
  let converted = micro(cart.shipping_total)
  for (const line of lines) {
    const stars = variantStars(line.variant?.metadata)
    if (stars !== undefined) {
      fixed += discountedStars(stars, line)
    } else {
      converted += micro(line.total)
    }
  }
  const rate = BigInt(Math.round(rubPerStar * Number(MICRO)))
  const stars = fixed + Number(ceilDiv(converted, rate))
  const titles = lines.map((line) => line.product_title ?? line.title ?? "").filter(Boolean)
  return {
    stars,
    total: Number(cart.total ?? 0),
    description: (titles.join(", ") || `Корзина ${cart.id}`).slice(0, 255),
  }
}

/** The cart, as fresh as the database has it, with what its Stars price needs. */
export async function loadCartForStars(container: MedusaContainer, cartId: string): Promise<CartForStars> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "total",
      "shipping_total",
      "items.title",
      "items.product_title",
      "items.quantity",
      "items.total",
      "items.original_total",
      "items.variant.metadata",
    ],
    filters: { id: cartId },
  })
  const cart: CartForStars | undefined = data[0]
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  }
  return cart
}
