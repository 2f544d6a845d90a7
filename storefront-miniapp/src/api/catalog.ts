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
      storeHeaders(locale).then((headers) =>
        requestJson<Catalog>(`/store/catalog?locale=${encodeURIComponent(locale)}`, { headers })
      )
    const early = takeBootCatalog(locale)
    catalog = (early ? early.catch(request) : request()).catch((error: unknown) => {
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
const arrivedCourses = new Map<string, CourseDetails>()

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

const courseKey = (handle: string, locale: string) => `${locale}:${handle}`

/**
 * The course page's data: description and outcomes; undefined when there is no such course.
 * Kept for the session like the catalogue (a deep link starts it before the page's chunk has
 * arrived, and the page must not ask again); a failure is forgotten for the retry.
 */
export function loadCourse(handle: string, locale: string): Promise<CourseDetails | undefined> {
  const key = courseKey(handle, locale)
  let course = courses.get(key)
  if (!course) {
    const early = takeBootCourse(handle, locale)
    course = (early ? early.catch(() => fetchCourse(handle, locale)) : fetchCourse(handle, locale)).then(
      (details) => {
        if (details) arrivedCourses.set(key, details)
        return details
      },
      (error: unknown) => {
        courses.delete(key)
        throw error
      }
    )
    courses.set(key, course)
  }
  return course
}

/** The course's data if it has already arrived: its page draws it in the first frame. */
export function arrivedCourse(handle: string, locale: string): CourseDetails | undefined {
  return arrivedCourses.get(courseKey(handle, locale))
}
