import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { invalidateCatalogBeforeAnswer } from "../catalog/invalidate-before-answer"
import { shortDatabaseWait } from "./errors/database-wait"
import { refuseWhileRedisAway } from "./errors/redis-outage"
import { refuseUnknownPaymentProvider } from "./hooks/payment/refuse-unknown-payment-provider"
import { refuseUnstorableInput } from "./input/refuse-unstorable-input"
import {
  requireCartOwner,
  requireCartOwnerOfCollection,
  requireCartOwnerOfNewCollection,
} from "./store/carts/require-cart-owner"
import {
  limitPaymentSessionsPerAddress,
  limitPaymentSessionsPerCustomer,
} from "./store/payment-collections/limit-payment-sessions"
import { storeErrorHandler } from "./errors/error-handler"
import { StoreCatalogQuery, StoreOwnedCoursesQuery } from "./store/catalog/validators"
import { StorefrontCatalogQuery } from "./storefront/catalog/validators"
import { AdminSaveLegalPage } from "./admin/legal-pages/validators"
import { StoreLegalPageQuery, validateLegalPageSlug } from "./store/legal-pages/validators"

/** The signed-in shopper, if any, before Medusa's own authenticate of the route runs. */
const readShopper = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export default defineMiddlewares({
  // Medusa's, plus 503 (not 500) while the database cannot be reached.
  errorHandler: storeErrorHandler,
  routes: [
    // Before anything reads the database or Redis: an outage answers 503 within seconds, not after
    // a minute; a character PostgreSQL cannot store answers 400, not a 500 from deep in a query.
    { matcher: "*", middlewares: [shortDatabaseWait, refuseWhileRedisAway, refuseUnstorableInput] },
    {
      matcher: "/store/catalog",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(StoreCatalogQuery, {})],
    },
    {
      matcher: "/store/catalog/courses/:handle",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(StoreCatalogQuery, {})],
    },
    {
      matcher: "/storefront/catalog",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(StorefrontCatalogQuery, {})],
    },
    {
      matcher: "/storefront/catalog/courses/:handle",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(StorefrontCatalogQuery, {})],
    },
    {
      matcher: "/store/catalog/owned",
      method: ["GET"],
      middlewares: [
        authenticate("customer", ["session", "bearer"]),
        validateAndTransformQuery(StoreOwnedCoursesQuery, {}),
      ],
    },
    // A registered customer's cart, and its payment collection, answer that customer only (every
    // method, every sub-route: no method list makes these prefix matches).
    { matcher: "/store/carts/:id", middlewares: [readShopper, requireCartOwner] },
    {
      matcher: "/store/payment-collections",
      method: ["POST"],
      middlewares: [readShopper, requireCartOwnerOfNewCollection],
    },
    { matcher: "/store/payment-collections/:id", middlewares: [readShopper, requireCartOwnerOfCollection] },
    {
      // Each session calls a gateway: so many per customer and per address (the customer is read
      // here, before Medusa's own authenticate of the route runs).
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [readShopper, limitPaymentSessionsPerCustomer, limitPaymentSessionsPerAddress],
    },
    { matcher: "/hooks/payment/:provider", method: ["POST"], middlewares: [refuseUnknownPaymentProvider] },
    // Every /admin route requires an authenticated admin (Medusa's own middleware).
    {
      matcher: "/admin/product-categories/:id/products",
      method: ["POST"],
      middlewares: [invalidateCatalogBeforeAnswer],
    },
    {
      matcher: "/store/legal-pages/:slug",
      method: ["GET"],
      middlewares: [validateLegalPageSlug, validateAndTransformQuery(StoreLegalPageQuery, {})],
    },
    {
      matcher: "/admin/legal-pages/:slug",
      method: ["POST"],
      middlewares: [validateLegalPageSlug, validateAndTransformBody(AdminSaveLegalPage)],
    },
  ],
})
