import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type ProductSummary = { id: string; title: string; thumbnail: string | null }

/** Titles and thumbnails of the courses the statistics name by id. */
export function useProductTitles(ids: string[]) {
  const sorted = [...new Set(ids)].sort()
  return useQuery({
    queryKey: ["click-tracking", "products", sorted],
    enabled: sorted.length > 0,
    queryFn: async () => {
      const { products } = await sdk.admin.product.list({
        id: sorted,
        fields: "id,title,thumbnail",
        limit: sorted.length,
      })
      return new Map(products.map((product) => [product.id, product as ProductSummary]))
    },
  })
}
