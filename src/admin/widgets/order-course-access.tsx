import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Checkbox, Container, Heading, StatusBadge, Table, Text, Tooltip, toast, usePrompt } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import type {
  AdminCourseMessage,
  AdminOrderCourseAccess,
  AdminOrderCourseAccessResponse,
} from "../../api/admin/orders/[id]/course-access/route"
import { adminApi } from "../lib/admin-api"

type BadgeColor = "green" | "red" | "orange" | "grey"

const MESSAGE: Record<AdminCourseMessage["status"], { label: string; color: BadgeColor }> = {
  sent: { label: "Delivered", color: "green" },
  failed: { label: "Not delivered", color: "red" },
  pending: { label: "Pending", color: "grey" },
  not_allowed: { label: "Bot may not write", color: "orange" },
  no_telegram: { label: "No Telegram", color: "grey" },
}

const REVOKED: Record<string, string> = { refund: "refunded", canceled: "order canceled", merchant: "taken back" }

const MessageBadge = ({ message }: { message: AdminCourseMessage }) => {
  const { label, color } = MESSAGE[message.status]
  const badge = <StatusBadge color={color}>{label}</StatusBadge>
  return message.error ? <Tooltip content={message.error}>{badge}</Tooltip> : badge
}

const AccessStatus = ({ access }: { access: AdminOrderCourseAccess }) =>
  access.status === "active" ? (
    <StatusBadge color="green">{access.joined ? "Active, joined the chat" : "Active"}</StatusBadge>
  ) : (
    <StatusBadge color="grey">Revoked ({REVOKED[access.revoke_reason ?? ""] ?? access.revoke_reason})</StatusBadge>
  )

/**
 * The order's courses: whether the buyer has access, whether the bot's message reached them
 * (and Telegram's reason when it did not), and, after a partial refund, the choice of which
 * courses lose access.
 */
const OrderCourseAccessWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const path = `/admin/orders/${order.id}/course-access`
  const prompt = usePrompt()
  const [state, setState] = useState<AdminOrderCourseAccessResponse>()
  const [chosen, setChosen] = useState<string[]>([])
  const [revoking, setRevoking] = useState(false)

  const load = useCallback(
    () =>
      adminApi<AdminOrderCourseAccessResponse>(path)
        .then(setState)
        .catch((error: Error) => toast.error("Course access", { description: error.message })),
    [path]
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
      title: "Take back access?",
      description: `${chosen.length} course(s) leave the buyer's list, and the bot removes them from the course chats.`,
      confirmText: "Take back",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return
    }
    setRevoking(true)
    try {
      await adminApi(`${path}/revoke`, { method: "POST", body: { access_ids: chosen } })
      setChosen([])
      toast.success("Access taken back")
      await load()
    } catch (error) {
      toast.error("Access not taken back", { description: (error as Error).message })
    } finally {
      setRevoking(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Course access</Heading>
          {state.payments.partially_refunded ? (
            <Text size="small" className="text-ui-fg-subtle">
              Partly refunded: choose the courses that lose access.
            </Text>
          ) : null}
        </div>
        <Button size="small" variant="secondary" disabled={!chosen.length} isLoading={revoking} onClick={revoke}>
          Take back access
        </Button>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell />
            <Table.HeaderCell>Course</Table.HeaderCell>
            <Table.HeaderCell>Access</Table.HeaderCell>
            <Table.HeaderCell>Bot's message</Table.HeaderCell>
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
