import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { AdminStarsPayment } from "../../stars/admin-types"

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-center gap-x-2 px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="text-ui-fg-subtle txt-compact-small break-all">{children}</div>
  </div>
)

type State = { loading: true } | { loading: false; payments: AdminStarsPayment[]; error?: string }

/** The order's Telegram Stars payment on the order page: charge id, payer, Stars, refund. */
const OrderStarsPaymentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<State>({ loading: true })

  useEffect(() => {
    let active = true
    fetch(`/admin/orders/${order.id}/telegram-stars`, { credentials: "include" })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) {
          throw new Error(body.message ?? `HTTP ${response.status}`)
        }
        return body.payments as AdminStarsPayment[]
      })
      .then(
        (payments) => active && setState({ loading: false, payments }),
        (error: Error) => active && setState({ loading: false, payments: [], error: error.message })
      )
    return () => {
      active = false
    }
  }, [order.id])

  if (!state.loading && !state.error && state.payments.length === 0) {
    return null
  }
  const date = (value: string | null) => (value ? new Date(value).toLocaleString(i18n.language) : "—")
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(i18n.language, { style: "currency", currency: currency.toUpperCase() }).format(amount)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("telegramStars.title")}</Heading>
      </div>
      {state.loading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t("telegramStars.loading")}
        </Text>
      ) : state.error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {t("telegramStars.error", { message: state.error })}
        </Text>
      ) : (
        state.payments.map((payment) => (
          <div key={payment.payment_id} className="divide-y">
            <Row label={t("telegramStars.charge")}>{payment.telegram_payment_charge_id ?? "—"}</Row>
            <Row label={t("telegramStars.payer")}>{payment.payer_user_id ?? "—"}</Row>
            <Row label={t("telegramStars.stars")}>{payment.stars ?? "—"}</Row>
            <Row label={t("telegramStars.amount")}>{money(payment.amount, payment.currency_code)}</Row>
            <Row label={t("telegramStars.paidAt")}>{date(payment.paid_at)}</Row>
            <Row label={payment.refunded_at ? t("telegramStars.refunded") : t("telegramStars.notRefunded")}>
              {payment.refunded_at ? (
                <Badge size="2xsmall" color="orange">
                  {date(payment.refunded_at)}
                </Badge>
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  {t("telegramStars.refundHint")}
                </Text>
              )}
            </Row>
          </div>
        ))
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderStarsPaymentWidget
