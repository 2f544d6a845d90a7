import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, ChartBar } from "@medusajs/icons"
import { Alert, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
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
  const { t } = useTranslation()
  const [range, setRange] = useState<DayRange>(() => lastDays(30))
  const stats = useClickStats(range)
  const exportHref = backendHref(`/admin/clicks/export?${new URLSearchParams(toQuery(range))}`)
  const empty = stats.data && !Object.keys(stats.data.totals).length

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">{t("aistoreClicks.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("aistoreClicks.subtitle", { zone: stats.data?.time_zone ?? "…" })}
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <RangePicker range={range} onChange={(next) => isValidRange(next) && setRange(next)} />
          <Button size="small" variant="secondary" asChild>
            <a href={exportHref} download>
              <ArrowDownTray />
              {t("aistoreClicks.exportCsv")}
            </a>
          </Button>
        </div>
      </Container>

      {stats.isError ? (
        <Alert variant="error">{t("aistoreClicks.loadFailed", { message: stats.error.message })}</Alert>
      ) : empty ? (
        <Container className="p-0">
          <EmptyState title={t("aistoreClicks.emptyTitle")} hint={t("aistoreClicks.emptyHint")} />
        </Container>
      ) : (
        <>
          {stats.data ? <StatTiles stats={stats.data} /> : <LoadingRows rows={1} />}
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <Section title={t("aistoreClicks.funnel")} note={t("aistoreClicks.funnelNote")}>
              {stats.data ? <FunnelChart funnel={stats.data.funnel} /> : <LoadingRows />}
            </Section>
            <Section title={t("aistoreClicks.daily")} note={t("aistoreClicks.dailyNote")}>
              {stats.data ? <DailyChart daily={stats.data.daily} range={range} /> : <LoadingRows rows={6} />}
            </Section>
            <Section title={t("aistoreClicks.topCourses")} note={t("aistoreClicks.topCoursesNote")}>
              {stats.data ? <TopCourses courses={stats.data.top_courses} /> : <LoadingRows />}
            </Section>
            <Section title={t("aistoreClicks.topSearches")} note={t("aistoreClicks.topSearchesNote")}>
              {stats.data ? <TopSearches searches={stats.data.top_searches} /> : <LoadingRows />}
            </Section>
          </div>
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "aistoreClicks.nav",
  translationNs: "translation",
  icon: ChartBar,
})

export default AnalyticsPage
