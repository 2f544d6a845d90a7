import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PROVIDER_ID } from "../../../../../options"
import { yookassaPlugin } from "../../../../../plugin-services"
import { isMedusaRefund } from "../../../../../providers/yookassa/refunds"
import type { YookassaSessionData } from "../../../../../providers/yookassa/session-data"
import type { AdminYookassaPayment } from "../../../../../types/admin"

type OrderRow = {
  id: string
  payment_collections?: Array<{
    payments?: Array<{
      id: string
      provider_id: string
      amount: number
      captured_at?: string | null
      data: YookassaSessionData | null
      refunds?: Array<{ id: string } | null> | null
    }> | null
  }> | null
}

/**
 * GET /admin/orders/:id/yookassa (admins only, as every /admin route): the order's Yookassa
 * payments as Yookassa sees them now (status, test or live, receipt, refunds), for the
 * order page's widget. When Yookassa cannot be reached, what Medusa stored is shown instead.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<{ payments: AdminYookassaPayment[] }>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.amount",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.data",
      "payment_collections.payments.refunds.id",
    ],
    filters: { id: req.params.id },
  })
  const order: OrderRow | undefined = data[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found`)
  }
  const { client } = yookassaPlugin(req.scope)
  const stored = (order.payment_collections ?? [])
    .flatMap((collection) => collection.payments ?? [])
    .filter((payment) => payment.provider_id === PROVIDER_ID && payment.data?.id)

  const payments = await Promise.all(
    stored.map(async (payment): Promise<AdminYookassaPayment> => {
      const data = payment.data!
      const base: AdminYookassaPayment = {
        payment_id: payment.id,
        yookassa_id: data.id!,
        status: data.status ?? "pending",
        test: data.test ?? null,
        amount: data.amount ?? null,
        receipt: data.receipt
          ? {
              contact: data.receipt.customer.email ?? data.receipt.customer.phone ?? null,
              items: data.receipt.items.length,
              registration: data.receipt_registration ?? null,
            }
          : null,
        refunds: (data.refunds ?? []).map((refund) => ({
          id: refund.id,
          amount: refund.amount,
          status: "succeeded",
          created_at: refund.created_at,
          source: refund.source,
        })),
        live: false,
      }
      try {
        const [current, refunds] = await Promise.all([client.getPayment(data.id!), client.listRefunds(data.id!)])
        // Told apart by what Yookassa says (Medusa's refunds name themselves), not by the stored list,
        // which two refunds saved at the same moment can each overwrite.
        const medusaRefundIds = (payment.refunds ?? []).flatMap((refund) => (refund ? [refund.id] : []))
        return {
          ...base,
          status: current.status,
          test: current.test,
          amount: current.amount,
          receipt: base.receipt
            ? { ...base.receipt, registration: current.receipt_registration ?? base.receipt.registration }
            : null,
          refunds: refunds.items.map((refund) => ({
            id: refund.id,
            amount: refund.amount.value,
            status: refund.status,
            created_at: refund.created_at,
            source: isMedusaRefund(refund, medusaRefundIds) ? "medusa" : "yookassa",
          })),
          live: true,
        }
      } catch {
        return base
      }
    })
  )
  res.json({ payments })
}
