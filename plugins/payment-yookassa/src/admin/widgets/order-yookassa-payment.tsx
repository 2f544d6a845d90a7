import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { YookassaPaymentRows } from "../components/yookassa-payment-rows"
import { useYookassaPayments } from "../hooks/use-yookassa-payments"

/** The order's Yookassa payment on the order page: id, status, test or live, receipt and refunds. */
const OrderYookassaPaymentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const state = useYookassaPayments(order.id)

  if (!state.loading && !state.error && state.payments.length === 0) {
    return null
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Yookassa</Heading>
        {!state.loading && state.payments.some((payment) => !payment.live) ? (
          <Badge size="2xsmall" color="orange">
            {t("aistoreYookassa.unreachable")}
          </Badge>
        ) : null}
      </div>
      {state.loading ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            {t("aistoreYookassa.loading")}
          </Text>
        </div>
      ) : state.error ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {state.error}
          </Text>
        </div>
      ) : (
        state.payments.map((payment) => <YookassaPaymentRows key={payment.yookassa_id} payment={payment} />)
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderYookassaPaymentWidget
