import { takeBootCatalog, takeBootCourse } from "./boot"
import { getStorefrontConfig } from "./config"
import { ApiError, requestJson } from "./http"
import type { Catalog, CatalogCourse, CourseDetails } from "./catalog-types"

/** The catalogue (`GET /store/catalog`) and course pages, in the shopper's language. */

const catalogs = new Map<string, Promise<Catalog>>()

async function storeHeaders(locale: string): Promise<HeadersInit> {
  const config = await getStorefrontConfig()
  return { "x-publishable-api-key": config.publishable_key, "x-medusa-locale": locale }
}

/** The whole catalogue in one request, shared by every screen; a failure is forgotten for the retry. */
export function loadCatalog(locale: string): Promise<Catalog> {
  let catalog = catalogs.get(locale)
  if (!catalog) {
    const request = () =>
      storeHeaders(locale).then((headers) => requestJson<Catalog>(`/store/catalog?locale=${encodeURIComponent(locale)}`, { headers }))
    const early = takeBootCatalog(locale)
    catalog = (early ? early.catch(request) : request())
      .catch((error: unknown) => {
        catalogs.delete(locale)
        throw error
      })
    catalogs.set(locale, catalog)
  }
  return catalog
}

/** The course as the loaded catalogue has it, to draw its page at once. */
export async function catalogCourse(handle: string, locale: string): Promise<CatalogCourse | undefined> {
  const catalog = await catalogs.get(locale)?.catch(() => undefined)
  return catalog?.courses.find((course) => course.handle === handle)
}

const courses = new Map<string, Promise<CourseDetails | undefined>>()

async function fetchCourse(handle: string, locale: string): Promise<CourseDetails | undefined> {
  try {
    const { course } = await requestJson<{ course: CourseDetails }>(
      `/store/catalog/courses/${encodeURIComponent(handle)}?locale=${encodeURIComponent(locale)}`,
      { headers: await storeHeaders(locale) }
    )
    return course
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined
    throw error
  }
}

/**
 * The course page's data: description and outcomes; undefined when there is no such course.
 * Shared while in flight, so a deep link can start it before the page's chunk has arrived.
 */
export function loadCourse(handle: string, locale: string): Promise<CourseDetails | undefined> {
  const key = `${locale}:${handle}`
  let course = courses.get(key)
  if (!course) {
    const early = takeBootCourse(handle, locale)
    course = (early ? early.catch(() => fetchCourse(handle, locale)) : fetchCourse(handle, locale)).finally(() => courses.delete(key))
    courses.set(key, course)
  }
  return course
}
