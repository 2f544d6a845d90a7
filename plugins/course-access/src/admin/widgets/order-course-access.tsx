import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Checkbox, Container, Heading, StatusBadge, Table, Text, Tooltip, toast, usePrompt } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import type { AdminCourseMessage, AdminOrderCourseAccess, AdminOrderCourseAccessResponse } from "../../types"
import { adminApi } from "../lib/admin-api"

type BadgeColor = "green" | "red" | "orange" | "grey"

const MESSAGE_COLOR: Record<AdminCourseMessage["status"], BadgeColor> = {
  sent: "green",
  failed: "red",
  pending: "grey",
  not_allowed: "orange",
  no_telegram: "grey",
}

const REVOKE_REASONS = ["refund", "canceled", "merchant"]

const MessageBadge = ({ message }: { message: AdminCourseMessage }) => {
  const { t } = useTranslation()
  const badge = (
    <StatusBadge color={MESSAGE_COLOR[message.status]}>
      {t(`aistoreCourseAccess.message.${message.status}`)}
    </StatusBadge>
  )
  return message.error ? <Tooltip content={message.error}>{badge}</Tooltip> : badge
}

const AccessStatus = ({ access }: { access: AdminOrderCourseAccess }) => {
  const { t } = useTranslation()
  if (access.status === "active") {
    return (
      <StatusBadge color="green">
        {access.joined ? t("aistoreCourseAccess.activeJoined") : t("aistoreCourseAccess.active")}
      </StatusBadge>
    )
  }
  const reason = REVOKE_REASONS.includes(access.revoke_reason ?? "")
    ? t(`aistoreCourseAccess.revokeReason.${access.revoke_reason}`)
    : access.revoke_reason
  return <StatusBadge color="grey">{t("aistoreCourseAccess.revoked", { reason })}</StatusBadge>
}

/**
 * The order's courses: whether the buyer has access, whether the bot's message reached them
 * (and Telegram's reason when it did not), and, after a partial refund, the choice of which
 * courses lose access.
 */
const OrderCourseAccessWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const path = `/admin/orders/${order.id}/course-access`
  const prompt = usePrompt()
  const [state, setState] = useState<AdminOrderCourseAccessResponse>()
  const [chosen, setChosen] = useState<string[]>([])
  const [revoking, setRevoking] = useState(false)

  const load = useCallback(
    () =>
      adminApi<AdminOrderCourseAccessResponse>(path)
        .then(setState)
        .catch((error: Error) => toast.error(t("aistoreCourseAccess.loadFailed"), { description: error.message })),
    [path, t]
  )
  useEffect(() => {
    load()
  }, [load])

  if (!state?.accesses.length) {
    return null
  }

  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((other) => other !== id))

  const revoke = async () => {
    const confirmed = await prompt({
      title: t("aistoreCourseAccess.confirmTitle"),
      description: t("aistoreCourseAccess.confirmDescription", { count: chosen.length }),
      confirmText: t("aistoreCourseAccess.takeBack"),
      cancelText: t("aistoreCourseAccess.cancel"),
    })
    if (!confirmed) {
      return
    }
    setRevoking(true)
    try {
      await adminApi(`${path}/revoke`, { method: "POST", body: { access_ids: chosen } })
      setChosen([])
      toast.success(t("aistoreCourseAccess.takenBack"))
      await load()
    } catch (error) {
      toast.error(t("aistoreCourseAccess.notTakenBack"), { description: (error as Error).message })
    } finally {
      setRevoking(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{t("aistoreCourseAccess.title")}</Heading>
          {state.payments.partially_refunded ? (
            <Text size="small" className="text-ui-fg-subtle">
              {t("aistoreCourseAccess.partlyRefunded")}
            </Text>
          ) : null}
        </div>
        <Button size="small" variant="secondary" disabled={!chosen.length} isLoading={revoking} onClick={revoke}>
          {t("aistoreCourseAccess.takeBackAccess")}
        </Button>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell />
            <Table.HeaderCell>{t("aistoreCourseAccess.course")}</Table.HeaderCell>
            <Table.HeaderCell>{t("aistoreCourseAccess.access")}</Table.HeaderCell>
            <Table.HeaderCell>{t("aistoreCourseAccess.botMessage")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {state.accesses.map((access) => (
            <Table.Row key={access.id}>
              <Table.Cell>
                <Checkbox
                  disabled={access.status !== "active"}
                  checked={chosen.includes(access.id)}
                  onCheckedChange={(checked) => toggle(access.id, checked === true)}
                />
              </Table.Cell>
              <Table.Cell>{access.title}</Table.Cell>
              <Table.Cell>
                <AccessStatus access={access} />
              </Table.Cell>
              <Table.Cell>
                <MessageBadge message={access.message} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderCourseAccessWidget
