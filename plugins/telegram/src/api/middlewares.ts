import { defineMiddlewares } from "@medusajs/framework/http"
import { refuseOtherTelegramAuthRoutes } from "./utils/refuse-other-telegram-auth-routes"
import { refuseTelegramMetadata } from "./utils/refuse-telegram-metadata"
import { buildStarsSessionData } from "./store/payment-collections/build-stars-session-data"

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
      // One way in: only POST /auth/customer/telegram (our static route) signs a shopper in. Every
      // auth path goes through the guard, which matches encoded and upper-case spellings too.
      matcher: "/auth/*",
      middlewares: [refuseOtherTelegramAuthRoutes],
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
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [buildStarsSessionData],
    },
  ],
})
