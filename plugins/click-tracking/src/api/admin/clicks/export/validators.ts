import { z } from "@medusajs/framework/zod"
import { RangeEnd } from "../date-range"

/** The export is of raw events, so the range is always said: both ends, days or ISO date-times. */
export const AdminClickExportQuery = z
  .object({
    from: RangeEnd("from"),
    to: RangeEnd("to"),
  })
  .strict()

export type AdminClickExportQueryType = z.infer<typeof AdminClickExportQuery>
