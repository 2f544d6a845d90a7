/**
 * A tiny typed client for the few Medusa store endpoints the first screen needs.
 * Plain fetch on purpose: @medusajs/js-sdk is loaded later, after first paint.
 */

/** Backend origin without a trailing slash; "" means same origin (relative URLs). */
export const BACKEND_URL = (import.meta.env.VITE_MEDUSA_BACKEND_URL ?? "").replace(/\/+$/, "")

/** `GET /storefront/config`: what the storefront needs to talk to the store API. */
export interface StorefrontConfig {
  publishable_key: string
  region_id: string
  currency_code: string
}

export interface CalculatedPrice {
  /** Major units (e.g. 1990 = 1 990 ₽). */
  calculated_amount: number | null
  currency_code: string | null
}

export interface ProductVariant {
  id?: string
  calculated_price?: CalculatedPrice | null
}

export interface Course {
  id: string
  title: string
  subtitle: string | null
  handle: string | null
  thumbnail: string | null
  variants?: ProductVariant[] | null
}

interface ProductListResponse {
  products: Course[]
  count: number
  offset: number
  limit: number
}

export class ApiError extends Error {
  readonly status: number

  constructor(message: string, status: number) {
    super(message)
    this.name = "ApiError"
    this.status = status
  }
}

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${BACKEND_URL}${path}`, init)
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error
    throw new ApiError("Нет связи с сервером. Проверьте интернет и попробуйте ещё раз.", 0)
  }

  if (!response.ok) {
    // Medusa answers errors as { type, message }.
    let message = `Сервер ответил ошибкой ${response.status}`
    try {
      const body = (await response.json()) as { message?: unknown }
      if (typeof body.message === "string" && body.message) message = body.message
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(message, response.status)
  }

  return (await response.json()) as T
}

let configPromise: Promise<StorefrontConfig> | undefined

/**
 * Fetched once per page load and shared; a failed attempt is forgotten so a retry asks again.
 * No custom headers, so the `<link rel="preload">` that vite.config.ts puts in index.html is reused.
 */
export function getStorefrontConfig(): Promise<StorefrontConfig> {
  configPromise ??= getJson<StorefrontConfig>("/storefront/config").catch((error: unknown) => {
    configPromise = undefined
    throw error
  })
  return configPromise
}

const COURSE_FIELDS = "id,title,subtitle,handle,thumbnail,*variants.calculated_price"

/** The course catalogue: one request, prices calculated for the store's region. */
export async function listCourses(signal?: AbortSignal): Promise<Course[]> {
  const config = await getStorefrontConfig()
  const query = new URLSearchParams({
    limit: "50",
    region_id: config.region_id,
    fields: COURSE_FIELDS,
  })
  const body = await getJson<ProductListResponse>(`/store/products?${query.toString()}`, {
    headers: { "x-publishable-api-key": config.publishable_key },
    signal,
  })
  return body.products
}
