import { z } from "@medusajs/framework/zod"

/** My courses takes no parameters: the customer comes from the token, never from the request. */
export const StoreMyCoursesQuery = z.object({}).strict()
