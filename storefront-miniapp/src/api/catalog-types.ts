/** The catalogue contract (`GET /store/catalog`), shared with the backend's endpoint. */
export interface CatalogPrice {
  /** Major units (1 990 ₽ = 1990). */
  amount: number
  original_amount: number
  currency_code: string
}

export interface CatalogCategory {
  id: string
  handle: string
  name: string
  description: string | null
}

export interface CatalogCourse {
  id: string
  handle: string
  title: string
  subtitle: string | null
  thumbnail: string | null
  category_ids: string[]
  variant_id: string
  price: CatalogPrice | null
  level: string | null
  duration_hours: number | null
  lessons: number | null
}

export interface CourseDetails extends CatalogCourse {
  description: string | null
  outcomes: string[]
}

export interface Catalog {
  locale: string
  region_id: string
  currency_code: string
  categories: CatalogCategory[]
  courses: CatalogCourse[]
}
