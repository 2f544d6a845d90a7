import { authenticate, defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { MAX_BODY_BYTES, StoreClicksBody } from "./store/clicks/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/clicks",
      method: ["POST"],
      bodyParser: { sizeLimit: MAX_BODY_BYTES },
      middlewares: [
        // Anonymous shoppers may report too; a signed-in one is known from the token, never the body.
        authenticate("customer", ["bearer", "session"], { allowUnauthenticated: true }),
        validateAndTransformBody(StoreClicksBody),
      ],
    },
  ],
})
