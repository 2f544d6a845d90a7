import { Skeleton } from "@medusajs/ui"

/** Placeholder rows while a card's numbers load. */
export const LoadingRows = ({ rows = 4 }: { rows?: number }) => (
  <div className="flex flex-col gap-y-3" aria-busy="true" aria-label="Loading">
    {Array.from({ length: rows }, (_, index) => (
      <Skeleton key={index} className="h-7 w-full" />
    ))}
  </div>
)
