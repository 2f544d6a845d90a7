import { z } from "@medusajs/framework/zod"
import { RangeEnd } from "../date-range"

/** A date range (default: the last 30 days) and optionally one category or one course. */
export const AdminClickStatsQuery = z
  .object({
    from: RangeEnd("from").optional(),
    to: RangeEnd("to").optional(),
    category_id: z.string().min(1).optional(),
    product_id: z.string().min(1).optional(),
  })
  .strict()
  .refine((query) => !(query.category_id && query.product_id), {
    message: "give category_id or product_id, not both",
    path: ["product_id"],
  })

export type AdminClickStatsQueryType = z.infer<typeof AdminClickStatsQuery>
