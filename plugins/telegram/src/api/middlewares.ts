import { defineMiddlewares } from "@medusajs/framework/http"
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
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [buildStarsSessionData],
    },
  ],
})
