import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import TelegramAccountModule from "../modules/telegram-account"

/**
 * Read-only (no link table; the account holds customer_id): `customer.telegram_account` in
 * query.graph, and `fields=+telegram_account.*` on the admin's customer routes.
 */
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  { ...TelegramAccountModule.linkable.telegramAccount.id, primaryKey: "customer_id" },
  { readOnly: true }
)
