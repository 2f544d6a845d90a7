import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminOrderCourseAccessQuery, AdminRevokeCourseAccess } from "./admin/orders/[id]/course-access/validators"
import {
  AdminCourseAccessConfigQuery,
  AdminSaveCourseAccessConfig,
} from "./admin/products/[id]/course-access/validators"
import {
  guardAddCourseToCart,
  guardCartCreationItems,
  guardCoursePayment,
  guardCourseQuantityUpdate,
} from "./store/carts/course-cart-guards"
import { StoreMyCoursesQuery } from "./store/customers/me/courses/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/customers/me/courses",
      method: ["GET"],
      // Medusa already guards /store/customers/me*; said again here because this route hands out access data.
      middlewares: [
        authenticate("customer", ["session", "bearer"]),
        validateAndTransformQuery(StoreMyCoursesQuery, {}),
      ],
    },
    // "One course, one purchase" at the door of Medusa's cart and payment routes.
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
  ],
})
