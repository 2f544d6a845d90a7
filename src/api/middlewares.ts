import { authenticate, defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { invalidateCatalogBeforeAnswer } from "../catalog/invalidate-before-answer"
import { shortDatabaseWait } from "./errors/database-wait"
import { storeErrorHandler } from "./errors/error-handler"
import { AdminOrderCourseAccessQuery, AdminRevokeCourseAccess } from "./admin/orders/[id]/course-access/validators"
import { AdminCourseAccessConfigQuery, AdminSaveCourseAccessConfig } from "./admin/products/[id]/course-access/validators"
import {
  guardAddCourseToCart,
  guardCartCreationItems,
  guardCoursePayment,
  guardCourseQuantityUpdate,
} from "./store/carts/course-cart-guards"
import { StoreCatalogQuery, StoreOwnedCoursesQuery } from "./store/catalog/validators"
import { StoreMyCoursesQuery } from "./store/customers/me/courses/validators"
import { AdminSaveLegalPage } from "./admin/legal-pages/validators"
import { StoreLegalPageQuery, validateLegalPageSlug } from "./store/legal-pages/validators"

export default defineMiddlewares({
  // Medusa's, plus 503 (not 500) while the database cannot be reached.
  errorHandler: storeErrorHandler,
  routes: [
    // Before anything reads the database: an outage answers 503 within seconds, not after a minute.
    { matcher: "*", middlewares: [shortDatabaseWait] },
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
      matcher: "/store/catalog/owned",
      method: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreOwnedCoursesQuery, {})],
    },
    {
      matcher: "/store/customers/me/courses",
      method: ["GET"],
      // Medusa already guards /store/customers/me*; said again here because this route hands out access data.
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreMyCoursesQuery, {})],
    },
    {
      matcher: "/store/carts",
      method: ["POST"],
      middlewares: [guardCartCreationItems],
    },
    {
      matcher: "/store/carts/:id/line-items",
      method: ["POST"],
      middlewares: [guardAddCourseToCart],
    },
    {
      matcher: "/store/carts/:id/line-items/:line_id",
      method: ["POST"],
      middlewares: [guardCourseQuantityUpdate],
    },
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [guardCoursePayment],
    },
    // Every /admin route requires an authenticated admin (Medusa's own middleware).
    {
      matcher: "/admin/product-categories/:id/products",
      method: ["POST"],
      middlewares: [invalidateCatalogBeforeAnswer],
    },
    {
      matcher: "/admin/products/:id/course-access",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminCourseAccessConfigQuery, {})],
    },
    {
      matcher: "/admin/products/:id/course-access",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminSaveCourseAccessConfig)],
    },
    {
      matcher: "/admin/orders/:id/course-access",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminOrderCourseAccessQuery, {})],
    },
    {
      matcher: "/admin/orders/:id/course-access/revoke",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminRevokeCourseAccess)],
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
