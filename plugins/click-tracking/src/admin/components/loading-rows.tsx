import { Skeleton } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

/** Placeholder rows while a card's numbers load. */
export const LoadingRows = ({ rows = 4 }: { rows?: number }) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-3" aria-busy="true" aria-label={t("aistoreClicks.loading")}>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className="h-7 w-full" />
      ))}
    </div>
  )
}
