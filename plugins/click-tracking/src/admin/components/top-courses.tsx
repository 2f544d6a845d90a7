import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { ClickStats } from "../../modules/click-tracking/stats/types"
import { useProductTitles } from "../hooks/use-product-titles"
import { formatCount, formatShare } from "../lib/format"
import { EmptyState } from "./empty-state"

/** The best-selling courses of the range (then the most viewed), with their own conversion. */
export const TopCourses = ({ courses }: { courses: ClickStats["top_courses"] }) => {
  const { t } = useTranslation()
  const titles = useProductTitles(courses.map((course) => course.product_id))
  if (!courses.length) {
    return <EmptyState title={t("aistoreClicks.noCourses")} hint={t("aistoreClicks.noCoursesHint")} />
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("aistoreClicks.course")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("aistoreClicks.views")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("aistoreClicks.purchases")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("aistoreClicks.conversion")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {courses.map((course) => {
          const product = titles.data?.get(course.product_id)
          return (
            <Table.Row key={course.product_id}>
              <Table.Cell>
                <Link to={`/products/${course.product_id}`} className="flex items-center gap-x-3 hover:underline">
                  {product?.thumbnail ? (
                    <img src={product.thumbnail} alt="" className="size-8 rounded object-cover" />
                  ) : (
                    <div className="bg-ui-bg-component size-8 rounded" />
                  )}
                  <Text size="small" className="max-w-[260px] truncate">
                    {product?.title ?? (titles.isPending ? "…" : course.product_id)}
                  </Text>
                </Link>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatCount(course.views)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatCount(course.purchases)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {formatShare(course.views ? course.purchases / course.views : null)}
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
