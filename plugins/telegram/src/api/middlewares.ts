import { defineMiddlewares } from "@medusajs/framework/http"
import { refuseTelegramMetadata } from "./utils/refuse-telegram-metadata"

export default defineMiddlewares({
  routes: [
    {
      // The webhook reads its own body: a malformed update must get 200 (dropped), not a 400
      // from the JSON parser, or Telegram keeps resending it.
      matcher: "/hooks/telegram",
      method: ["POST"],
      bodyParser: false,
    },
    {
      // The store routes that write a customer's metadata.
      matcher: "/store/customers/me",
      method: ["POST"],
      middlewares: [refuseTelegramMetadata],
    },
    {
      matcher: "/store/customers",
      method: ["POST"],
      middlewares: [refuseTelegramMetadata],
    },
  ],
})
