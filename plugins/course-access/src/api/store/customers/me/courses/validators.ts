import { z } from "@medusajs/framework/zod"

/**
 * My courses takes no parameters: the customer comes from the token, never from the request.
 * (`?locale=` is read, and removed, by Medusa's locale middleware before this runs.)
 */
export const StoreMyCoursesQuery = z.object({}).strict()
