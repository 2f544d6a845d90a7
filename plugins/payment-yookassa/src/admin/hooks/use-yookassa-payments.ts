import { useEffect, useState } from "react"
import type { AdminYookassaPayment } from "../../types/admin"

export type YookassaPaymentsState =
  { loading: true } | { loading: false; payments: AdminYookassaPayment[]; error?: string }

/** The order's Yookassa payments from `GET /admin/orders/:id/yookassa`; a failure carries its message. */
export function useYookassaPayments(orderId: string): YookassaPaymentsState {
  const [state, setState] = useState<YookassaPaymentsState>({ loading: true })

  useEffect(() => {
    let active = true
    fetch(`/admin/orders/${orderId}/yookassa`, { credentials: "include" })
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
  }, [orderId])

  return state
}
