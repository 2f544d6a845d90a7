import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { AdminYookassaPayment } from "../../types/admin"

// Labels: aistoreYookassa.status.* and aistoreYookassa.receiptStatus.* in ../i18n.
const STATUS: Record<AdminYookassaPayment["status"], { color: "green" | "orange" | "red" | "blue" }> = {
  pending: { color: "orange" },
  waiting_for_capture: { color: "blue" },
  succeeded: { color: "green" },
  canceled: { color: "red" },
}

const RECEIPT: Record<string, { color: "green" | "orange" | "red" }> = {
  pending: { color: "orange" },
  succeeded: { color: "green" },
  canceled: { color: "red" },
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-center gap-x-2 px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="text-ui-fg-subtle txt-compact-small break-all">{children}</div>
  </div>
)

type State = { loading: true } | { loading: false; payments: AdminYookassaPayment[]; error?: string }

/** The order's Yookassa payment on the order page: id, status, test or live, receipt and refunds. */
const OrderYookassaPaymentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const [state, setState] = useState<State>({ loading: true })

  useEffect(() => {
    let active = true
    fetch(`/admin/orders/${order.id}/yookassa`, { credentials: "include" })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) {
          throw new Error(body.message ?? `HTTP ${response.status}`)
        }
        return body.payments as AdminYookassaPayment[]
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
        state.payments.map((payment) => (
          <div key={payment.yookassa_id} className="divide-y">
            <Row label={t("aistoreYookassa.paymentId")}>
              <span className="font-mono">{payment.yookassa_id}</span>
            </Row>
            <Row label={t("aistoreYookassa.statusLabel")}>
              <Badge size="2xsmall" color={STATUS[payment.status].color}>
                {t(`aistoreYookassa.status.${payment.status}`)}
              </Badge>
            </Row>
            <Row label={t("aistoreYookassa.mode")}>
              <Badge size="2xsmall" color={payment.test ? "orange" : "green"}>
                {t(payment.test === null ? "aistoreYookassa.unknown" : payment.test ? "aistoreYookassa.test" : "aistoreYookassa.live")}
              </Badge>
            </Row>
            <Row label={t("aistoreYookassa.amount")}>{payment.amount ? `${payment.amount.value} ${payment.amount.currency}` : "—"}</Row>
            <Row label={t("aistoreYookassa.receipt")}>
              {payment.receipt ? (
                <span className="flex flex-col gap-y-1">
                  <span>
                    {t("aistoreYookassa.receiptItems", { count: payment.receipt.items, contact: payment.receipt.contact ?? "—" })}
                  </span>
                  {payment.receipt.registration ? (
                    <Badge size="2xsmall" color={RECEIPT[payment.receipt.registration]?.color ?? "orange"}>
                      {RECEIPT[payment.receipt.registration]
                        ? t(`aistoreYookassa.receiptStatus.${payment.receipt.registration}`)
                        : payment.receipt.registration}
                    </Badge>
                  ) : null}
                </span>
              ) : (
                t("aistoreYookassa.noReceipt")
              )}
            </Row>
            <Row label={t("aistoreYookassa.refunds")}>
              {payment.refunds.length === 0 ? (
                t("aistoreYookassa.none")
              ) : (
                <ul className="flex flex-col gap-y-1">
                  {payment.refunds.map((refund) => (
                    <li key={refund.id}>
                      {refund.amount} · {refund.status} · {t(refund.source === "yookassa" ? "aistoreYookassa.dashboard" : "aistoreYookassa.admin")}
                    </li>
                  ))}
                </ul>
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

export default OrderYookassaPaymentWidget
