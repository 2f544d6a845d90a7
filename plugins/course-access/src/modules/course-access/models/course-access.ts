import { model } from "@medusajs/framework/utils"

/**
 * One customer's access to one course, granted for one order line. The line is unique, so
 * granting again changes nothing; a revoked access stays revoked (a merchant's choice on a
 * partial refund must survive a later capture event).
 */
const CourseAccess = model
  .define("course_access", {
    id: model.id({ prefix: "cacc" }).primaryKey(),
    customer_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    product_id: model.text(),
    status: model.enum(["active", "revoked"]).default("active"),
    granted_at: model.dateTime(),
    revoked_at: model.dateTime().nullable(),
    revoke_reason: model.enum(["refund", "canceled", "merchant"]).nullable(),
    /** The buyer's Telegram id at grant time: the only one whose join request is approved. */
    telegram_user_id: model.text().nullable(),
    /** The chat the invite link belongs to (the course's chat may change later). */
    telegram_chat_id: model.text().nullable(),
    /** Join-request link made for this buyer and course. */
    invite_link: model.text().nullable(),
    joined_at: model.dateTime().nullable(),
    /** Set once the link exists and the buyer's message was attempted; the delivery job looks for null. */
    delivered_at: model.dateTime().nullable(),
    /** Set once, after revocation, the link is revoked and the member removed; the job looks for null. */
    chat_released_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["line_item_id"], unique: true },
    { on: ["customer_id", "status"] },
    { on: ["order_id"] },
    { on: ["telegram_chat_id", "telegram_user_id", "status"] },
  ])

export default CourseAccess
