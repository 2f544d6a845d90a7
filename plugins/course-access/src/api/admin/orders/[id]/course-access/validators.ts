import { z } from "@medusajs/framework/zod"

export const AdminOrderCourseAccessQuery = z.object({}).strict()

/** The merchant's choice after a partial refund: which of the order's courses lose access. */
export const AdminRevokeCourseAccess = z
  .object({
    access_ids: z.array(z.string().trim().min(1)).min(1, { message: "choose at least one course" }).max(100),
  })
  .strict()

export type AdminRevokeCourseAccessType = z.infer<typeof AdminRevokeCourseAccess>
