import { z } from "@medusajs/framework/zod"
import { isOrderedRange, UNORDERED_RANGE } from "../date-range"

/** The export is of raw events, so the range is always said: both ends, ISO dates. */
export const AdminClickExportQuery = z
  .object({
    from: z.coerce.date({ error: "from must be an ISO date" }),
    to: z.coerce.date({ error: "to must be an ISO date" }),
  })
  .strict()
  .refine(isOrderedRange, UNORDERED_RANGE)

export type AdminClickExportQueryType = z.infer<typeof AdminClickExportQuery>
