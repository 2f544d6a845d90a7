import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { StarsSessionData } from "../../../../../providers/telegram-stars/session-data"
import type { AdminStarsPayment } from "../../../../../stars/admin-types"
import { STARS_PROVIDER_ID } from "../../../../../providers/telegram-stars/options"

type PaymentRow = {
  id: string
  provider_id: string
  amount: number
  currency_code: string
  data: StarsSessionData | null
}

/**
 * GET /admin/orders/:id/telegram-stars (admins only, as every /admin route): the order's Stars
 * payments as the store recorded them from Telegram's update (charge id, payer, Stars, refund).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<{ payments: AdminStarsPayment[] }>) {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      "id",
      ...["id", "provider_id", "amount", "currency_code", "data"].map(
        (field) => `payment_collections.payments.${field}`
      ),
    ],
    filters: { id: req.params.id },
  })
  const order: { payment_collections?: Array<{ payments?: PaymentRow[] | null } | null> | null } | undefined = data[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found`)
  }
  const payments = (order.payment_collections ?? [])
    .flatMap((collection) => collection?.payments ?? [])
    .filter((payment) => payment.provider_id === STARS_PROVIDER_ID)
    .map((payment): AdminStarsPayment => ({
      payment_id: payment.id,
      telegram_payment_charge_id: payment.data?.telegram_payment_charge_id ?? null,
      payer_user_id: payment.data?.payer_user_id ?? null,
      stars: payment.data?.paid_stars ?? payment.data?.stars_amount ?? null,
      amount: Number(payment.amount),
      currency_code: payment.currency_code,
      paid_at: payment.data?.paid_at ?? null,
      refunded_at: payment.data?.refunded_at ?? null,
    }))
  res.json({ payments })
}
