import { authenticate, defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { invalidateCatalogBeforeAnswer } from "../catalog/invalidate-before-answer"
import { StoreCatalogQuery, StoreOwnedCoursesQuery } from "./store/catalog/validators"
import { StorefrontCatalogQuery } from "./storefront/catalog/validators"
import { AdminSaveLegalPage } from "./admin/legal-pages/validators"
import { StoreLegalPageQuery, validateLegalPageSlug } from "./store/legal-pages/validators"

export default defineMiddlewares({
  routes: [
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
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreOwnedCoursesQuery, {})],
    },
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
