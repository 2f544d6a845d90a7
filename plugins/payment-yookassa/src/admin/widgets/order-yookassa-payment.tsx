import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import type { AdminYookassaPayment } from "../../types/admin"

const STATUS: Record<AdminYookassaPayment["status"], { label: string; color: "green" | "orange" | "red" | "blue" }> = {
  pending: { label: "Pending", color: "orange" },
  waiting_for_capture: { label: "Waiting for capture", color: "blue" },
  succeeded: { label: "Succeeded", color: "green" },
  canceled: { label: "Canceled", color: "red" },
}

const RECEIPT: Record<string, { label: string; color: "green" | "orange" | "red" }> = {
  pending: { label: "Being registered", color: "orange" },
  succeeded: { label: "Registered", color: "green" },
  canceled: { label: "Not registered", color: "red" },
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
            Yookassa unreachable: stored data
          </Badge>
        ) : null}
      </div>
      {state.loading ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            Loading payment from Yookassa…
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
            <Row label="Payment ID">
              <span className="font-mono">{payment.yookassa_id}</span>
            </Row>
            <Row label="Status">
              <Badge size="2xsmall" color={STATUS[payment.status].color}>
                {STATUS[payment.status].label}
              </Badge>
            </Row>
            <Row label="Mode">
              <Badge size="2xsmall" color={payment.test ? "orange" : "green"}>
                {payment.test === null ? "Unknown" : payment.test ? "Test" : "Live"}
              </Badge>
            </Row>
            <Row label="Amount">{payment.amount ? `${payment.amount.value} ${payment.amount.currency}` : "—"}</Row>
            <Row label="Receipt">
              {payment.receipt ? (
                <span className="flex flex-col gap-y-1">
                  <span>
                    {payment.receipt.items} item(s) to {payment.receipt.contact ?? "—"}
                  </span>
                  {payment.receipt.registration ? (
                    <Badge size="2xsmall" color={RECEIPT[payment.receipt.registration]?.color ?? "orange"}>
                      {RECEIPT[payment.receipt.registration]?.label ?? payment.receipt.registration}
                    </Badge>
                  ) : null}
                </span>
              ) : (
                "No receipt"
              )}
            </Row>
            <Row label="Refunds">
              {payment.refunds.length === 0 ? (
                "None"
              ) : (
                <ul className="flex flex-col gap-y-1">
                  {payment.refunds.map((refund) => (
                    <li key={refund.id}>
                      {refund.amount} · {refund.status} · {refund.source === "yookassa" ? "dashboard" : "admin"}
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
