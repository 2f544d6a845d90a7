import type { MedusaContainer } from "@medusajs/framework/types"
import { starsConfigured } from "../stars/plugin-services"
import { reconcileStarsPayments } from "../stars/reconciliation/reconcile-stars-payments"

export default async function reconcileStarsPaymentsJob(container: MedusaContainer) {
  if (starsConfigured(container)) {
    await reconcileStarsPayments(container)
  }
}

export const config = {
  name: "reconcile-telegram-stars-payments",
  schedule: "* * * * *",
}
