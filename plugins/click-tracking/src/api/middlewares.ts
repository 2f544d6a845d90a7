import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminClickExportQuery } from "./admin/clicks/export/validators"
import { AdminClickStatsQuery } from "./admin/clicks/stats/validators"
import { rateLimitClicks } from "./store/clicks/rate-limit"
import { MAX_BODY_BYTES, StoreClicksBody } from "./store/clicks/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/clicks/stats",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminClickStatsQuery, {})],
    },
    {
      matcher: "/admin/clicks/export",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminClickExportQuery, {})],
    },
    {
      matcher: "/store/clicks",
      method: ["POST"],
      bodyParser: { sizeLimit: MAX_BODY_BYTES },
      // Medusa already reads a customer's token on every /store route (anonymous shoppers allowed):
      // a signed-in shopper is known from it, never from the body. A second check would verify it twice.
      middlewares: [
        validateAndTransformBody(StoreClicksBody),
        // After validation (it counts the batch's events), before anything touches the database.
        rateLimitClicks,
      ],
    },
  ],
})
