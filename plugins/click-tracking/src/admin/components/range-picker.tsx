import { Button, Input, Label } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { lastDays, type DayRange } from "../lib/date-range"

const PRESETS = [7, 30, 90]

const DayField = ({
  id,
  label,
  value,
  bounds,
  onChange,
}: {
  id: string
  label: string
  value: string
  bounds: { min?: string; max?: string }
  onChange: (day: string) => void
}) => (
  <div>
    <Label size="xsmall" htmlFor={id} className="text-ui-fg-subtle">
      {label}
    </Label>
    <Input
      id={id}
      type="date"
      size="small"
      value={value}
      {...bounds}
      onChange={(event) => event.target.value && onChange(event.target.value)}
    />
  </div>
)

/** Quick ranges and two date fields (the store's days, both ends included). */
export const RangePicker = ({ range, onChange }: { range: DayRange; onChange: (range: DayRange) => void }) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-wrap items-end gap-2">
      {PRESETS.map((days) => {
        const preset = lastDays(days)
        const active = preset.from === range.from && preset.to === range.to
        return (
          <Button key={days} size="small" variant={active ? "primary" : "secondary"} onClick={() => onChange(preset)}>
            {t("aistoreClicks.days", { count: days })}
          </Button>
        )
      })}
      <DayField
        id="analytics-from"
        label={t("aistoreClicks.from")}
        value={range.from}
        bounds={{ max: range.to }}
        onChange={(from) => onChange({ ...range, from })}
      />
      <DayField
        id="analytics-to"
        label={t("aistoreClicks.to")}
        value={range.to}
        bounds={{ min: range.from }}
        onChange={(to) => onChange({ ...range, to })}
      />
    </div>
  )
}
