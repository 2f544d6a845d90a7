import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PROVIDER_ID } from "../../../options"
import { yookassaPlugin } from "../../../plugin-services"
import { cartOfCollection } from "./cart-of-collection"
import { buildReceipt, receiptCustomer, type ReceiptLine } from "../../../utils/receipt"

type CartForPayment = {
  id: string
  email?: string | null
  currency_code: string
  shipping_total?: number | null
  customer?: { email?: string | null; phone?: string | null } | null
  items?: Array<{ title?: string | null; product_title?: string | null; quantity: number; total: number }> | null
}

/**
 * Runs before Medusa's POST /store/payment-collections/:id/payment-sessions. For Yookassa,
 * the session's `data` is whatever the server says it is: the cart, a description, the
 * 54-FZ receipt and nothing the client sent (amounts and return URLs come from the cart and
 * the configuration), so a shopper cannot change what Yookassa is told.
 */
export function buildYookassaSessionData(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { provider_id?: unknown }
  if (body.provider_id !== PROVIDER_ID) {
    return next()
  }
  replaceSessionData(req).then(() => next(), next)
}

async function replaceSessionData(req: MedusaRequest): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const cartId = await cartOfCollection(req.scope, req.params.id)
  if (!cartId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Yookassa pays for carts: this payment collection has no cart"
    )
  }
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "email",
      "currency_code",
      "shipping_total",
      "customer.email",
      "customer.phone",
      "items.title",
      "items.product_title",
      "items.quantity",
      "items.total",
    ],
    filters: { id: cartId },
  })
  const cart: CartForPayment | undefined = carts[0]
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  }

  const { receipts } = yookassaPlugin(req.scope).options
  const amount = await amountOfCollection(req.scope, req.params.id)
  const customer = receiptCustomer({ email: cart.email ?? cart.customer?.email, phone: cart.customer?.phone })
  if (receipts.enabled && !customer) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "An e-mail or phone number is needed for the receipt: add it to the cart before paying"
    )
  }
  const lines: ReceiptLine[] = (cart.items ?? []).map((item) => ({
    title: item.product_title ?? item.title ?? "Курс",
    quantity: item.quantity,
    total: item.total,
  }))
  if (Number(cart.shipping_total ?? 0) > 0) {
    lines.push({ title: "Доставка", quantity: 1, total: cart.shipping_total! })
  }

  req.body = {
    provider_id: PROVIDER_ID,
    data: {
      cart_id: cart.id,
      description: paymentDescription(lines),
      ...(receipts.enabled && customer
        ? { receipt: buildReceipt(lines, amount, customer, cart.currency_code, receipts) }
        : {}),
    },
  }
}

/**
 * What the shopper reads on Yookassa's page and in their bank: what they pay for. Never the cart's
 * id, which the merchant's dashboard and the shopper's statements would otherwise show to people
 * who are not its owner (the cart is in the payment's metadata, which only the shop reads).
 */
function paymentDescription(lines: ReceiptLine[]): string {
  const courses = lines.filter((line) => line.title !== "Доставка").map((line) => line.title)
  return `Оплата в AI Store: ${courses.join(", ") || "заказ"}`.slice(0, 128)
}

/**
 * What the session will ask Yookassa for: Medusa's payment module initiates it with the
 * collection's amount (full precision), which the provider rounds to kopecks. The receipt is
 * fitted to that same amount, so both say the same number.
 */
async function amountOfCollection(container: MedusaContainer, collectionId: string): Promise<BigNumberInput> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment_collection",
    fields: ["id", "raw_amount"],
    filters: { id: collectionId },
  })
  const collection = data[0] as { raw_amount?: BigNumberInput } | undefined
  if (!collection?.raw_amount) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection ${collectionId} was not found`)
  }
  return collection.raw_amount
}
