import { z } from "@medusajs/framework/zod"

/**
 * The key-less catalogue takes the shopper's locale (a language tag; an unknown one gives
 * Russian, as on /store/catalog) and nothing else: the region is the store's default.
 */
export const StorefrontCatalogQuery = z
  .object({
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "locale must be a language tag such as ru-RU")
      .optional(),
  })
  .strict()
export type StorefrontCatalogQuery = z.infer<typeof StorefrontCatalogQuery>
