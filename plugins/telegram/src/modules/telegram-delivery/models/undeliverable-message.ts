import { model } from "@medusajs/framework/utils"

/**
 * A Telegram notification that Telegram refused for good (the chat blocked the bot or never
 * started it, a wrong chat id, a message it will not take): out of the re-send queue. Medusa's
 * notification statuses have no word for it, so the mark lives here, beside the record's reason.
 */
const UndeliverableMessage = model
  .define("undeliverable_telegram_message", {
    id: model.id({ prefix: "tgund" }).primaryKey(),
    notification_id: model.text(),
    idempotency_key: model.text().nullable(),
    reason: model.text(),
  })
  .indexes([{ on: ["notification_id"], unique: true }])

export default UndeliverableMessage
