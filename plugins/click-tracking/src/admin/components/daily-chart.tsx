import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { ClickStats } from "../../modules/click-tracking/stats/types"
import { daysIn, type DayRange } from "../lib/date-range"
import { formatCount, formatDay } from "../lib/format"

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0)

/** Events per day of the store as plain bars, purchases in green at the foot of each. */
export const DailyChart = ({ daily, range }: { daily: ClickStats["daily"]; range: DayRange }) => {
  const { t } = useTranslation()
  const byDay = new Map(daily.map((entry) => [entry.day, entry.counts]))
  const days = daysIn(range).map((day) => {
    const counts = byDay.get(day) ?? {}
    return { day, total: sum(counts), purchases: counts.purchase ?? 0 }
  })
  const highest = Math.max(1, ...days.map((day) => day.total))
  // First, middle and last day under the axis (fewer when the range is that short).
  const labels = [...new Set([days[0].day, days[Math.floor((days.length - 1) / 2)].day, days[days.length - 1].day])]

  return (
    <div>
      <div className="flex items-baseline justify-between">
        <Text size="xsmall" className="text-ui-fg-subtle tabular-nums">
          {t("aistoreClicks.events", { events: formatCount(highest) })}
        </Text>
        <div className="flex items-center gap-x-3">
          <Legend className="bg-ui-tag-blue-icon" label={t("aistoreClicks.allEvents")} />
          <Legend className="bg-ui-tag-green-icon" label={t("aistoreClicks.purchases")} />
        </div>
      </div>
      <div
        className="border-ui-border-base mt-2 flex h-48 items-end gap-px border-b"
        role="img"
        aria-label={t("aistoreClicks.eventsPerDay")}
      >
        {days.map((day) => (
          <div
            key={day.day}
            className="group flex h-full min-w-0 flex-1 flex-col justify-end"
            title={t("aistoreClicks.dayTitle", {
              day: formatDay(day.day),
              events: formatCount(day.total),
              purchases: formatCount(day.purchases),
            })}
          >
            <div
              className="bg-ui-tag-blue-icon group-hover:bg-ui-fg-interactive flex flex-col justify-end rounded-t-sm"
              style={{ height: `${(day.total / highest) * 100}%` }}
            >
              <div
                className="bg-ui-tag-green-icon w-full"
                style={{ height: `${day.total ? (day.purchases / day.total) * 100 : 0}%` }}
              />
            </div>
          </div>
        ))}
      </div>
      <div className="mt-1 flex justify-between">
        {labels.map((day) => (
          <Text key={day} size="xsmall" className="text-ui-fg-subtle">
            {formatDay(day)}
          </Text>
        ))}
      </div>
    </div>
  )
}

const Legend = ({ className, label }: { className: string; label: string }) => (
  <span className="flex items-center gap-x-1">
    <span className={`${className} inline-block size-2 rounded-full`} />
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
  </span>
)
