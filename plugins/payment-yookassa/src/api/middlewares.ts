import { defineMiddlewares } from "@medusajs/framework/http"
import { refuseUncheckedYookassaWebhooks } from "./hooks/payment/refuse-unchecked-yookassa-webhooks"
import { buildYookassaSessionData } from "./store/payment-collections/build-yookassa-session-data"
import { guardPaymentSession } from "./store/payment-collections/guard-payment-session"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [guardPaymentSession, buildYookassaSessionData],
    },
    {
      matcher: "/hooks/payment/:provider",
      method: ["POST"],
      middlewares: [refuseUncheckedYookassaWebhooks],
    },
    {
      // The webhook reads its own body: a malformed notification gets 200 (ignored), not a
      // 400 from the JSON parser, or Yookassa keeps resending it.
      matcher: "/hooks/payment/yookassa_yookassa",
      method: ["POST"],
      bodyParser: false,
    },
  ],
})
