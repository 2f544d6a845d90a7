import { z } from "@medusajs/framework/zod"

/**
 * The catalogue takes a region (the store's default when absent) and nothing else.
 * (`?locale=` is read, and removed, by Medusa's locale middleware before this runs.)
 */
export const StoreCatalogQuery = z.object({ region_id: z.string().min(1).max(64).optional() }).strict()
export type StoreCatalogQuery = z.infer<typeof StoreCatalogQuery>

/** The bought courses come from the token alone. */
export const StoreOwnedCoursesQuery = z.object({}).strict()
