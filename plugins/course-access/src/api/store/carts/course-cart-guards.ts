import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { assertCourseCart, CART_MESSAGES, type CartLine } from "../../../cart/course-cart-rules"

/**
 * "One course, one purchase" at the door of Medusa's cart routes, so the Mini App gets a 400
 * with a message it can show as soon as the shopper taps. They run before Medusa's own body
 * validation: a body this code cannot read is left to that validation's 400.
 */

const AddLineItem = z.object({ variant_id: z.string().min(1), quantity: z.number() })
const UpdateLineItem = z.object({ quantity: z.number() })
const CreateCart = z.object({ items: z.array(AddLineItem).optional() })

type CartRow = { completed_at?: string | Date | null; customer_id?: string | null; items?: (CartLine | null)[] | null }

const CART_FIELDS = ["completed_at", "customer_id", "items.product_id", "items.quantity"]

async function loadCart(container: MedusaContainer, cartId: string): Promise<CartRow | undefined> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: CART_FIELDS,
    filters: { id: cartId },
  })
  const [cart]: (CartRow | undefined)[] = data
  return cart
}

async function loadCartOfCollection(container: MedusaContainer, collectionId: string): Promise<CartRow | undefined> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart_payment_collection",
    fields: CART_FIELDS.map((field) => `cart.${field}`),
    filters: { payment_collection_id: collectionId },
  })
  const [link]: ({ cart?: CartRow | null } | undefined)[] = data
  return link?.cart ?? undefined
}

/** The courses of the lines being added, by their variants. */
async function linesOf(container: MedusaContainer, items: z.infer<typeof AddLineItem>[]): Promise<CartLine[]> {
  const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "product_id"],
    filters: { id: items.map((item) => item.variant_id) },
  })
  const productOf = new Map(variants.map((variant) => [variant.id, variant.product_id]))
  return items.map((item) => ({ product_id: productOf.get(item.variant_id), quantity: item.quantity }))
}

/** POST /store/carts/:id/line-items: quantity 1, a course not in the cart yet and not owned. */
export async function guardAddCourseToCart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = AddLineItem.safeParse(req.body)
  if (!body.success) {
    return next()
  }
  try {
    const cart = await loadCart(req.scope, req.params.id)
    if (cart) {
      await assertCourseCart(req.scope, {
        customerId: cart.customer_id,
        lines: (cart.items ?? []).flatMap((item) => (item ? [item] : [])),
        adding: await linesOf(req.scope, [body.data]),
      })
    }
    next()
  } catch (error) {
    next(error)
  }
}

/** POST /store/carts/:id/line-items/:line_id: 0 removes the course, 1 keeps it, nothing else. */
export function guardCourseQuantityUpdate(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = UpdateLineItem.safeParse(req.body)
  if (body.success && body.data.quantity !== 0 && body.data.quantity !== 1) {
    return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, CART_MESSAGES.quantity))
  }
  next()
}

/** POST /store/carts with items: each course once, quantity 1 (ownership is checked when items are added and at checkout). */
export async function guardCartCreationItems(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = CreateCart.safeParse(req.body)
  if (!body.success || !body.data.items?.length) {
    return next()
  }
  try {
    await assertCourseCart(req.scope, { lines: await linesOf(req.scope, body.data.items) })
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * POST /store/payment-collections/:id/payment-sessions: no payment starts for a course the
 * customer owns (an order counts as soon as it is placed), so nobody pays for what checkout
 * would refuse. A cart that is already an order is left to the payment guard's answer.
 */
export async function guardCoursePayment(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const cart = await loadCartOfCollection(req.scope, req.params.id)
    if (cart && !cart.completed_at) {
      await assertCourseCart(req.scope, {
        customerId: cart.customer_id,
        lines: (cart.items ?? []).flatMap((item) => (item ? [item] : [])),
      })
    }
    next()
  } catch (error) {
    next(error)
  }
}
