import { model } from "@medusajs/framework/utils"

/**
 * The Telegram account a customer signed in with, as Telegram's signed initData said it at the
 * last login. Written only by the login workflow (from the auth provider's verified profile), so
 * no store route can change who a customer is on Telegram.
 */
const TelegramAccount = model
  .define("telegram_account", {
    id: model.id({ prefix: "tgacc" }).primaryKey(),
    /** Telegram's user id, in decimal (up to 52 bits, more than an int column holds). */
    telegram_user_id: model.text(),
    customer_id: model.text(),
    first_name: model.text(),
    last_name: model.text().nullable(),
    username: model.text().nullable(),
    language_code: model.text().nullable(),
    photo_url: model.text().nullable(),
    is_premium: model.boolean().default(false),
    allows_write_to_pm: model.boolean().default(false),
  })
  .indexes([
    { on: ["telegram_user_id"], unique: true },
    { on: ["customer_id"], unique: true },
  ])

export default TelegramAccount
