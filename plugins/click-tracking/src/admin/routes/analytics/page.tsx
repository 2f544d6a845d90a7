import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, ChartBar } from "@medusajs/icons"
import { Alert, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { DailyChart } from "../../components/daily-chart"
import { EmptyState } from "../../components/empty-state"
import { FunnelChart } from "../../components/funnel"
import { LoadingRows } from "../../components/loading-rows"
import { RangePicker } from "../../components/range-picker"
import { Section } from "../../components/section"
import { StatTiles } from "../../components/stat-tiles"
import { TopCourses } from "../../components/top-courses"
import { TopSearches } from "../../components/top-searches"
import { useClickStats } from "../../hooks/use-click-stats"
import { isValidRange, lastDays, toQuery, type DayRange } from "../../lib/date-range"
import { backendHref } from "../../lib/sdk"

/** Analytics: what shoppers looked at, where they dropped out, what sold, for a range of days. */
const AnalyticsPage = () => {
  const [range, setRange] = useState<DayRange>(() => lastDays(30))
  const stats = useClickStats(range)
  const exportHref = backendHref(`/admin/clicks/export?${new URLSearchParams(toQuery(range))}`)
  const empty = stats.data && !Object.keys(stats.data.totals).length

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Analytics</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What shoppers do in the Mini App, by UTC day. Purchases are counted when orders are placed.
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <RangePicker range={range} onChange={(next) => isValidRange(next) && setRange(next)} />
          <Button size="small" variant="secondary" asChild>
            <a href={exportHref} download>
              <ArrowDownTray />
              Export CSV
            </a>
          </Button>
        </div>
      </Container>

      {stats.isError ? (
        <Alert variant="error">Could not load the statistics: {stats.error.message}</Alert>
      ) : empty ? (
        <Container className="p-0">
          <EmptyState
            title="No shopper activity in this range"
            hint="Events arrive as shoppers browse the Mini App; try a longer range, or check that the Mini App reports to POST /store/clicks."
          />
        </Container>
      ) : (
        <>
          {stats.data ? <StatTiles stats={stats.data} /> : <LoadingRows rows={1} />}
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <Section title="Funnel" note="All courses: views → cart → checkout → purchase">
              {stats.data ? <FunnelChart funnel={stats.data.funnel} /> : <LoadingRows />}
            </Section>
            <Section title="Daily activity" note="Events per day">
              {stats.data ? <DailyChart daily={stats.data.daily} range={range} /> : <LoadingRows rows={6} />}
            </Section>
            <Section title="Top courses" note="By purchases, then views">
              {stats.data ? <TopCourses courses={stats.data.top_courses} /> : <LoadingRows />}
            </Section>
            <Section title="Top searches" note="What shoppers typed into search">
              {stats.data ? <TopSearches searches={stats.data.top_searches} /> : <LoadingRows />}
            </Section>
          </div>
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Analytics",
  icon: ChartBar,
})

export default AnalyticsPage
