import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CLICK_TRACKING_MODULE } from "../modules/click-tracking"
import type { PurchaseInput } from "../modules/click-tracking/purchases/types"
import type ClickTrackingModuleService from "../modules/click-tracking/service"

type PlacedOrder = {
  id: string
  customer_id: string | null
  created_at: string | Date
  items?: ({ product_id?: string | null; detail?: { quantity: number | { valueOf(): number } } | null } | null)[] | null
}

/**
 * `purchase` comes from the server when an order is placed, one event per course (lines of the
 * same course add up); clients can't send it. A repeated order.placed records nothing new.
 */
export default async function recordPurchase({ event, container }: SubscriberArgs<{ id: string }>) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    // An order line's quantity lives on its detail record.
    fields: ["id", "customer_id", "created_at", "items.product_id", "items.detail.quantity"],
    filters: { id: event.data.id },
  })
  const order: PlacedOrder | undefined = data[0]
  if (!order) {
    return
  }
  const purchases = new Map<string, PurchaseInput>()
  for (const item of order.items ?? []) {
    if (!item?.product_id) {
      continue
    }
    const quantity = Number(item.detail?.quantity ?? 1)
    const earlier = purchases.get(item.product_id)
    purchases.set(item.product_id, {
      order_id: order.id,
      product_id: item.product_id,
      customer_id: order.customer_id,
      quantity: (earlier?.quantity ?? 0) + quantity,
      occurred_at: new Date(order.created_at),
    })
  }
  await container.resolve<ClickTrackingModuleService>(CLICK_TRACKING_MODULE).recordPurchases([...purchases.values()])
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "click-tracking-record-purchase" },
}
