import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { ClickStats } from "../../modules/click-tracking/stats/types"
import { toQuery, type DayRange } from "../lib/date-range"
import { sdk } from "../lib/sdk"

/** GET /admin/clicks/stats for a range of days, and optionally one course. */
export function useClickStats(range: DayRange, productId?: string) {
  return useQuery({
    queryKey: ["click-tracking", "stats", range, productId ?? null],
    queryFn: () =>
      sdk.client.fetch<ClickStats>("/admin/clicks/stats", {
        query: { ...toQuery(range), ...(productId ? { product_id: productId } : {}) },
      }),
    // Keep the last answer on screen while another range loads.
    placeholderData: keepPreviousData,
  })
}
