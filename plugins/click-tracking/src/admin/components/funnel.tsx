import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { CourseFunnel } from "../../modules/click-tracking/stats/types"
import { formatCount, formatShare } from "../lib/format"

type Funnel = Omit<CourseFunnel, "product_id">

/** Views → add to cart → checkout → purchase, each bar against the views, with the step's conversion. */
export const FunnelChart = ({ funnel }: { funnel: Funnel }) => {
  const { t } = useTranslation()
  const steps = [
    { label: t("aistoreClicks.viewed"), count: funnel.views, share: null, of: "" },
    {
      label: t("aistoreClicks.addedToCart"),
      count: funnel.add_to_cart,
      share: funnel.conversion.view_to_cart,
      of: t("aistoreClicks.ofViews"),
    },
    {
      label: t("aistoreClicks.startedCheckout"),
      count: funnel.checkout_start,
      share: funnel.conversion.cart_to_checkout,
      of: t("aistoreClicks.ofCarts"),
    },
    {
      label: t("aistoreClicks.purchased"),
      count: funnel.purchases,
      share: funnel.conversion.checkout_to_purchase,
      of: t("aistoreClicks.ofCheckouts"),
    },
  ]
  const widest = Math.max(1, ...steps.map((step) => step.count))
  const overall = funnel.views ? funnel.purchases / funnel.views : null

  return (
    <div className="flex flex-col gap-y-3">
      {steps.map((step) => (
        <div key={step.label} className="grid grid-cols-[140px_1fr_120px] items-center gap-x-4">
          <Text size="small" weight="plus">
            {step.label}
          </Text>
          <div className="bg-ui-bg-component h-7 overflow-hidden rounded-md">
            <div
              className="bg-ui-tag-blue-icon h-full rounded-md transition-[width]"
              style={{ width: `${Math.max(step.count ? 1 : 0, (step.count / widest) * 100)}%` }}
            />
          </div>
          <div className="text-right">
            <Text size="small" weight="plus" className="tabular-nums">
              {formatCount(step.count)}
            </Text>
            {step.of ? (
              <Text size="xsmall" className="text-ui-fg-subtle tabular-nums">
                {formatShare(step.share)} {step.of}
              </Text>
            ) : null}
          </div>
        </div>
      ))}
      <Text size="small" className="text-ui-fg-subtle">
        {t("aistoreClicks.overall", { share: formatShare(overall) })}
      </Text>
    </div>
  )
}
