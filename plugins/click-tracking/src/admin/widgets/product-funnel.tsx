import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Alert } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { EmptyState } from "../components/empty-state"
import { FunnelChart } from "../components/funnel"
import { LoadingRows } from "../components/loading-rows"
import { Section } from "../components/section"
import { useClickStats } from "../hooks/use-click-stats"
import { lastDays } from "../lib/date-range"

const DAYS = 30

/** This course's funnel over the last 30 days, on its product page. */
const ProductFunnelWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation()
  const stats = useClickStats(lastDays(DAYS), product.id)
  const funnel = stats.data?.funnel
  const quiet = funnel && !funnel.views && !funnel.add_to_cart && !funnel.checkout_start && !funnel.purchases

  return (
    <Section
      title={t("aistoreClicks.productFunnel")}
      note={t("aistoreClicks.lastDays", { count: DAYS })}
      action={
        <Link to="/analytics" className="text-ui-fg-interactive txt-compact-small hover:underline">
          {t("aistoreClicks.allAnalytics")}
        </Link>
      }
    >
      {stats.isError ? (
        <Alert variant="error">{t("aistoreClicks.productFunnelFailed", { message: stats.error.message })}</Alert>
      ) : !funnel ? (
        <LoadingRows />
      ) : quiet ? (
        <EmptyState title={t("aistoreClicks.productQuietTitle")} hint={t("aistoreClicks.productQuietHint")} />
      ) : (
        <FunnelChart funnel={funnel} />
      )}
    </Section>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductFunnelWidget
