import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileYookassaPayments } from "../reconciliation/reconcile-yookassa-payments"

export default async function reconcileYookassaPaymentsJob(container: MedusaContainer) {
  await reconcileYookassaPayments(container)
}

export const config = {
  name: "reconcile-yookassa-payments",
  schedule: "* * * * *",
}
