import { model } from "@medusajs/framework/utils"

/**
 * What a buyer of one course receives: a link to the course, a Telegram channel or group
 * to join, and/or instructions. Kept here, never in product metadata, because the store
 * API hands product metadata to anyone.
 */
const CourseAccessConfig = model
  .define("course_access_config", {
    id: model.id({ prefix: "caconf" }).primaryKey(),
    product_id: model.text(),
    access_url: model.text().nullable(),
    /** Numeric id of the channel or supergroup (-100…); the bot must be an admin there. */
    telegram_chat_id: model.text().nullable(),
    instructions: model.text().nullable(),
  })
  .indexes([{ on: ["product_id"], unique: true }])

export default CourseAccessConfig
