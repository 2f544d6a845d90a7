import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { ClickStats } from "../../modules/click-tracking/stats/types"
import { formatCount, formatShare } from "../lib/format"

/** The range at a glance: all events, views, purchases and the share of views that sold. */
export const StatTiles = ({ stats }: { stats: ClickStats }) => {
  const { t } = useTranslation()
  const events = Object.values(stats.totals).reduce((total, count) => total + count, 0)
  const tiles = [
    { label: t("aistoreClicks.tileEvents"), value: formatCount(events) },
    { label: t("aistoreClicks.tileViews"), value: formatCount(stats.funnel.views) },
    { label: t("aistoreClicks.tilePurchases"), value: formatCount(stats.funnel.purchases) },
    {
      label: t("aistoreClicks.tileViewToPurchase"),
      value: formatShare(stats.funnel.views ? stats.funnel.purchases / stats.funnel.views : null),
    },
  ]
  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {tiles.map((tile) => (
        <Container key={tile.label} className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {tile.label}
          </Text>
          <Text size="xlarge" weight="plus" className="tabular-nums">
            {tile.value}
          </Text>
        </Container>
      ))}
    </div>
  )
}
