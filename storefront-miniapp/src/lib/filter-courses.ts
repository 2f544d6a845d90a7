import type { CatalogCourse } from "../api/catalog-types"

/** The courses of a category (or all) whose title or pitch contains every word of the query. */
export function filterCourses(
  courses: CatalogCourse[],
  { categoryId, query }: { categoryId?: string; query?: string }
): CatalogCourse[] {
  const words = (query ?? "").toLocaleLowerCase().split(/\s+/).filter(Boolean)
  return courses.filter((course) => {
    if (categoryId && !course.category_ids.includes(categoryId)) return false
    if (!words.length) return true
    const text = `${course.title} ${course.subtitle ?? ""}`.toLocaleLowerCase()
    return words.every((word) => text.includes(word))
  })
}
