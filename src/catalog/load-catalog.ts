import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { STORE_LOCALE } from "./locale"
import type { CatalogCategory, CatalogCourseDetails, CatalogPrice, CatalogSnapshot } from "./types"

/** Everything a catalogue depends on besides the data: who asks (sales channels), where (region), in which language. */
export type CatalogScope = {
  regionId: string
  currencyCode: string
  locale: string
  salesChannelIds: string[]
}

type PriceRow = {
  calculated_amount?: number | null
  original_amount?: number | null
  currency_code?: string | null
} | null
type ProductRow = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string | null
  thumbnail: string | null
  metadata: Record<string, unknown> | null
  categories?: ({ id: string; is_active: boolean; is_internal: boolean } | null)[] | null
  variants?: ({ id: string; variant_rank?: number | null; calculated_price?: PriceRow } | null)[] | null
}
type CategoryRow = { id: string; handle: string; name: string; description: string | null }

const PRODUCT_FIELDS = [
  "id",
  "handle",
  "title",
  "subtitle",
  "description",
  "thumbnail",
  "metadata",
  "categories.id",
  "categories.is_active",
  "categories.is_internal",
  "variants.id",
  "variants.variant_rank",
  // What GET /store/products asks for, so the pricing engine gives the same answer.
  "variants.calculated_price.*",
]

/**
 * The catalogue as Medusa's own store API would show it: published products of the key's
 * sales channels, ordered as /store/products orders them (by id), prices calculated for the
 * region (price lists and their dates included), titles in the locale. One query per entity.
 */
export async function loadCatalog(container: MedusaContainer, scope: CatalogScope): Promise<CatalogSnapshot> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: scope.salesChannelIds },
  })
  const productIds = [...new Set(links.map((link: { product_id: string }) => link.product_id))]

  const [{ data: products }, { data: categories }] = await Promise.all([
    productIds.length
      ? query.graph(
          {
            entity: "product",
            fields: PRODUCT_FIELDS,
            filters: { id: productIds, status: ProductStatus.PUBLISHED },
            pagination: { order: { id: "ASC" } },
            context: {
              variants: {
                calculated_price: QueryContext({ region_id: scope.regionId, currency_code: scope.currencyCode }),
              },
            },
          },
          { locale: scope.locale }
        )
      : Promise.resolve({ data: [] }),
    query.graph(
      {
        entity: "product_category",
        fields: ["id", "handle", "name", "description"],
        filters: { is_active: true, is_internal: false },
        pagination: { order: { rank: "ASC", id: "ASC" } },
      },
      { locale: scope.locale }
    ),
  ])

  const courses = (products as ProductRow[]).flatMap((product) => toCourse(product, scope))
  const shown = new Set(courses.flatMap((course) => course.category_ids))
  return {
    catalog: {
      locale: scope.locale,
      region_id: scope.regionId,
      currency_code: scope.currencyCode,
      // A category tab with nothing in it is not shown.
      categories: (categories as CategoryRow[]).filter((category) => shown.has(category.id)).map(toCategory),
      courses: courses.map(({ description: _description, outcomes: _outcomes, ...card }) => card),
    },
    detailsByHandle: new Map(courses.map((course) => [course.handle, course])),
  }
}

function toCategory(row: CategoryRow): CatalogCategory {
  return { id: row.id, handle: row.handle, name: row.name, description: row.description ?? "" }
}

/** A product becomes a course when it has a variant priced in the region; otherwise it cannot be bought there. */
function toCourse(product: ProductRow, scope: CatalogScope): CatalogCourseDetails[] {
  const variants = (product.variants ?? [])
    .flatMap((variant) => (variant ? [variant] : []))
    .sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))
  const variant = variants.find((candidate) => toPrice(candidate.calculated_price))
  const price = variant && toPrice(variant.calculated_price)
  if (!variant || !price) {
    return []
  }
  const metadata = product.metadata ?? {}
  return [
    {
      id: product.id,
      handle: product.handle,
      title: product.title,
      subtitle: product.subtitle ?? null,
      thumbnail: product.thumbnail ?? null,
      category_ids: (product.categories ?? []).flatMap((category) =>
        category && category.is_active && !category.is_internal ? [category.id] : []
      ),
      variant_id: variant.id,
      price,
      level: typeof metadata.level === "string" && metadata.level ? metadata.level : null,
      duration_hours: toNumber(metadata.duration_hours),
      lessons: toNumber(metadata.lessons),
      description: product.description ?? null,
      outcomes: outcomesIn(metadata.outcomes, scope.locale),
    },
  ]
}

function toPrice(row: PriceRow | undefined): CatalogPrice | undefined {
  if (!row || typeof row.calculated_amount !== "number" || !row.currency_code) {
    return undefined
  }
  return {
    amount: row.calculated_amount,
    original_amount: typeof row.original_amount === "number" ? row.original_amount : row.calculated_amount,
    currency_code: row.currency_code,
  }
}

/** Metadata edited in the admin arrives as text: "10" counts as 10. */
function toNumber(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() ? Number(value) : value
  return typeof number === "number" && Number.isFinite(number) ? number : null
}

/** `metadata.outcomes` holds one list per locale ({ "ru-RU": [...], "en-US": [...] }); Russian when the locale has none. */
function outcomesIn(value: unknown, locale: string): string[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return []
  }
  const byLocale = value as Record<string, unknown>
  const list = Array.isArray(byLocale[locale]) ? byLocale[locale] : byLocale[STORE_LOCALE]
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : []
}
