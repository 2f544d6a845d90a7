import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Avatar, Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { TelegramAccountRecord } from "../../utils/telegram-account"
import { sdk } from "../lib/sdk"

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-center px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="text-ui-fg-subtle">{children}</div>
  </div>
)

/** The customer's verified Telegram account (telegram_account module), never its editable metadata. */
function useTelegramAccount(customerId: string) {
  return useQuery({
    queryKey: ["telegram", "account", customerId],
    queryFn: () =>
      sdk.client.fetch<{ customer: { telegram_account?: TelegramAccountRecord | null } }>(
        `/admin/customers/${customerId}`,
        { query: { fields: "id,*telegram_account" } }
      ),
  })
}

/** The shopper's Telegram identity on the customer page, for shoppers who signed in from the Mini App. */
const CustomerTelegramWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation()
  const { data } = useTelegramAccount(customer.id)
  const telegram = data?.customer.telegram_account
  if (!telegram) {
    return null
  }
  const name = [telegram.first_name, telegram.last_name].filter(Boolean).join(" ")

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center gap-x-3 px-6 py-4">
        <Avatar src={telegram.photo_url ?? undefined} fallback={name.charAt(0) || "T"} />
        <div>
          <Heading level="h2">Telegram</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {name}
          </Text>
        </div>
      </div>
      <Row label={t("aistoreTelegram.username")}>
        {telegram.username ? (
          <a
            href={`https://t.me/${encodeURIComponent(telegram.username)}`}
            target="_blank"
            rel="noreferrer"
            className="text-ui-fg-interactive txt-compact-small"
          >
            @{telegram.username}
          </a>
        ) : (
          <Text size="small">—</Text>
        )}
      </Row>
      <Row label={t("aistoreTelegram.telegramId")}>
        <Text size="small" className="font-mono">
          {telegram.telegram_user_id}
        </Text>
      </Row>
      <Row label={t("aistoreTelegram.language")}>
        <Text size="small">{telegram.language_code ?? "—"}</Text>
      </Row>
      <Row label={t("aistoreTelegram.botMayWrite")}>
        <Badge size="2xsmall" color={telegram.allows_write_to_pm ? "green" : "orange"}>
          {telegram.allows_write_to_pm ? t("aistoreTelegram.yes") : t("aistoreTelegram.notAllowedYet")}
        </Badge>
      </Row>
      {telegram.is_premium ? (
        <Row label={t("aistoreTelegram.premium")}>
          <Badge size="2xsmall" color="purple">
            Telegram Premium
          </Badge>
        </Row>
      ) : null}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
})

export default CustomerTelegramWidget
