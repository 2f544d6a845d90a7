import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CLICK_TRACKING_MODULE } from "../modules/click-tracking"
import type ClickTrackingModuleService from "../modules/click-tracking/service"
import { PURCHASE_EVENT } from "../utils/event-types"

type PlacedOrder = {
  id: string
  customer_id: string | null
  created_at: string | Date
  items: { product_id: string | null; detail: { quantity: number | { valueOf(): number } } | null }[]
}

/** `purchase` comes from the server when an order is placed, one event per course; clients can't send it. */
export default async function recordPurchase({ event, container }: SubscriberArgs<{ id: string }>) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    // An order line's quantity lives on its detail record.
    fields: ["id", "customer_id", "created_at", "items.product_id", "items.detail.quantity"],
    filters: { id: event.data.id },
  })
  const order = data[0] as unknown as PlacedOrder | undefined
  if (!order) {
    return
  }
  const receivedAt = new Date()
  await container.resolve<ClickTrackingModuleService>(CLICK_TRACKING_MODULE).createClickEvents(
    order.items
      .filter((item) => item.product_id)
      .map((item) => ({
        type: PURCHASE_EVENT,
        customer_id: order.customer_id,
        product_id: item.product_id,
        details: { order_id: order.id, quantity: Number(item.detail?.quantity ?? 1) },
        occurred_at: new Date(order.created_at),
        received_at: receivedAt,
      }))
  )
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "click-tracking-record-purchase" },
}
