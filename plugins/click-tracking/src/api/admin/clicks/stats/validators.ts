import { z } from "@medusajs/framework/zod"
import { isOrderedRange, UNORDERED_RANGE } from "../date-range"

const DAY_MS = 24 * 60 * 60 * 1000

/** A date range (default: the last 30 days) and optionally one category or one course. */
export const AdminClickStatsQuery = z
  .object({
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    category_id: z.string().min(1).optional(),
    product_id: z.string().min(1).optional(),
  })
  .strict()
  .transform((query) => {
    const to = query.to ?? new Date()
    return { ...query, to, from: query.from ?? new Date(to.getTime() - 30 * DAY_MS) }
  })
  .refine(isOrderedRange, UNORDERED_RANGE)
  .refine((query) => !(query.category_id && query.product_id), {
    message: "give category_id or product_id, not both",
    path: ["product_id"],
  })

export type AdminClickStatsQueryType = z.infer<typeof AdminClickStatsQuery>
