import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderGrant } from "../../queries/order-grant"

/** The order's covered course lines and its buyer. Reads only. */
export const loadOrderGrantStep = createStep("load-order-grant", async (orderId: string, { container }) => {
  return new StepResponse(await loadOrderGrant(container, orderId))
})
