import { Badge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AdminYookassaPayment } from "../../types/admin"
import { Row } from "./row"

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

/** One Yookassa payment: id, status, test or live, amount, receipt and refunds. */
export const YookassaPaymentRows = ({ payment }: { payment: AdminYookassaPayment }) => {
  const { t } = useTranslation()
  return (
    <div className="divide-y">
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
          {t(
            payment.test === null
              ? "aistoreYookassa.unknown"
              : payment.test
                ? "aistoreYookassa.test"
                : "aistoreYookassa.live"
          )}
        </Badge>
      </Row>
      <Row label={t("aistoreYookassa.amount")}>
        {payment.amount ? `${payment.amount.value} ${payment.amount.currency}` : "—"}
      </Row>
      <Row label={t("aistoreYookassa.receipt")}>
        <Receipt receipt={payment.receipt} />
      </Row>
      <Row label={t("aistoreYookassa.refunds")}>
        <Refunds refunds={payment.refunds} />
      </Row>
    </div>
  )
}

const Receipt = ({ receipt }: { receipt: AdminYookassaPayment["receipt"] }) => {
  const { t } = useTranslation()
  if (!receipt) {
    return <>{t("aistoreYookassa.noReceipt")}</>
  }
  return (
    <span className="flex flex-col gap-y-1">
      <span>{t("aistoreYookassa.receiptItems", { count: receipt.items, contact: receipt.contact ?? "—" })}</span>
      {receipt.registration ? (
        <Badge size="2xsmall" color={RECEIPT[receipt.registration]?.color ?? "orange"}>
          {RECEIPT[receipt.registration]
            ? t(`aistoreYookassa.receiptStatus.${receipt.registration}`)
            : receipt.registration}
        </Badge>
      ) : null}
    </span>
  )
}

const Refunds = ({ refunds }: { refunds: AdminYookassaPayment["refunds"] }) => {
  const { t } = useTranslation()
  if (refunds.length === 0) {
    return <>{t("aistoreYookassa.none")}</>
  }
  return (
    <ul className="flex flex-col gap-y-1">
      {refunds.map((refund) => (
        <li key={refund.id}>
          {refund.amount} · {refund.status} ·{" "}
          {t(refund.source === "yookassa" ? "aistoreYookassa.dashboard" : "aistoreYookassa.admin")}
        </li>
      ))}
    </ul>
  )
}
