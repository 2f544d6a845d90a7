import type { Catalog, CourseDetails } from "./catalog-types"
import type { StorefrontConfig } from "./config"

/** What index.html's inline script (build/first-requests.ts) already asked for, before the bundle ran. */
interface Boot {
  locale: string
  config: Promise<StorefrontConfig>
  catalog: Promise<Catalog>
  /** The catalogue itself once it has arrived. */
  catalogData?: Catalog
  /** A `course_` deep link's course (`{ course }`, as /store/catalog/courses/:handle answers). */
  course?: { handle: string; promise: Promise<{ course: CourseDetails }> }
}

declare global {
  interface Window {
    __aistoreBoot?: Boot
  }
}

/** The early config answer, if index.html started one. */
export function bootConfig(): Promise<StorefrontConfig> | undefined {
  return window.__aistoreBoot?.config
}

let catalogTaken = false

/** The early catalogue answer in `locale`, once: later loads (a retry) ask the server again. */
export function takeBootCatalog(locale: string): Promise<Catalog> | undefined {
  const boot = window.__aistoreBoot
  if (!boot || boot.locale !== locale || catalogTaken) return undefined
  catalogTaken = true
  return boot.catalog
}

/** The early catalogue if it has already arrived: the first frame can show it without waiting. */
export function bootCatalogData(locale: string): Catalog | undefined {
  const boot = window.__aistoreBoot
  return boot?.locale === locale ? boot.catalogData : undefined
}

/** The deep-linked course's early answer, once, if it is this course in this language. */
export function takeBootCourse(handle: string, locale: string): Promise<CourseDetails> | undefined {
  const boot = window.__aistoreBoot
  if (!boot?.course || boot.course.handle !== handle || boot.locale !== locale) return undefined
  const { promise } = boot.course
  delete boot.course
  return promise.then(({ course }) => course)
}
