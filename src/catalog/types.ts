/** The catalogue's public shape (see the catalogue contract in the README): one response for the Mini App's first screen. */

export type CatalogPrice = {
  /** Major units (1 990 ₽ = 1990), as Medusa's pricing computes them for the region. */
  amount: number
  /** The price before any price list (equal to `amount` when none applies). */
  original_amount: number
  currency_code: string
}

export type CatalogCategory = {
  id: string
  handle: string
  name: string
  description: string
}

export type CatalogCourse = {
  id: string
  handle: string
  title: string
  /** The course's pitch. */
  subtitle: string | null
  thumbnail: string | null
  category_ids: string[]
  variant_id: string
  price: CatalogPrice
  level: string | null
  duration_hours: number | null
  lessons: number | null
}

/** A course page: the card's fields plus the full text and what the shopper will learn. */
export type CatalogCourseDetails = CatalogCourse & {
  description: string | null
  outcomes: string[]
}

export type Catalog = {
  locale: string
  region_id: string
  currency_code: string
  categories: CatalogCategory[]
  courses: CatalogCourse[]
}

/** What one catalogue build holds: the list and every course's page, in one locale, region and sales channel set. */
export type CatalogSnapshot = {
  catalog: Catalog
  detailsByHandle: Map<string, CatalogCourseDetails>
}
