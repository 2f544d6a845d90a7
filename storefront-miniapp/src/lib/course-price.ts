import type { CatalogCourse } from "../api/catalog-types"
import { t } from "../i18n"
import { formatPrice } from "./format"

export function coursePriceText(course: Pick<CatalogCourse, "price">): string {
  if (!course.price) return t("priceUnknown")
  if (course.price.amount === 0) return t("free")
  return formatPrice(course.price.amount, course.price.currency_code)
}
