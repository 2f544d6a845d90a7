import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { ClickStats } from "../../modules/click-tracking/stats/types"
import { formatCount } from "../lib/format"
import { EmptyState } from "./empty-state"

/** What shoppers searched for most (case-folded), with a bar against the top query. */
export const TopSearches = ({ searches }: { searches: ClickStats["top_searches"] }) => {
  const { t } = useTranslation()
  if (!searches.length) {
    return <EmptyState title={t("aistoreClicks.noSearches")} hint={t("aistoreClicks.noSearchesHint")} />
  }
  const top = searches[0].count
  return (
    <ol className="flex flex-col gap-y-2">
      {searches.map((search) => (
        <li key={search.query} className="relative overflow-hidden rounded-md px-3 py-1.5">
          <div
            className="bg-ui-tag-purple-bg absolute inset-y-0 left-0"
            style={{ width: `${(search.count / top) * 100}%` }}
          />
          <div className="relative flex items-center justify-between gap-x-4">
            <Text size="small" className="truncate">
              {search.query}
            </Text>
            <Text size="small" weight="plus" className="tabular-nums">
              {formatCount(search.count)}
            </Text>
          </div>
        </li>
      ))}
    </ol>
  )
}
