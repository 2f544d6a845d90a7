import { useEffect, useMemo, useRef, useState } from "react"
import { track } from "../api/analytics"
import { bootCatalogData } from "../api/boot"
import { loadCatalog } from "../api/catalog"
import type { CatalogCourse } from "../api/catalog-types"
import { useNavigation } from "../app/navigation"
import { useOwned, useServices } from "../app/services"
import { CourseCard, CourseCardSkeleton } from "../components/CourseCard"
import { ErrorView } from "../components/ErrorView"
import { StatusView } from "../components/StatusView"
import { t } from "../i18n"
import { filterCourses } from "../lib/filter-courses"
import { useAsync } from "../lib/use-async"
import { hapticSelection } from "../telegram/native"

const SKELETON_CARDS = 4
const EAGER_COVERS = 2
const SEARCH_REPORT_DELAY_MS = 1_000

/** First screen: category chips, search and the course cards, drawn from one catalogue request. */
export function CataloguePage() {
  const { locale } = useServices()
  const navigation = useNavigation()
  const owned = useOwned()
  // An answer index.html's early request already has draws the first frame; the request is shared.
  const catalogue = useAsync(() => loadCatalog(locale), [locale], bootCatalogData(locale))
  const [categoryId, setCategoryId] = useState<string>()
  const [query, setQuery] = useState("")

  const courses = useMemo(
    () => (catalogue.status === "ready" ? filterCourses(catalogue.value.courses, { categoryId, query }) : []),
    [catalogue, categoryId, query]
  )
  useReportSearch(query, courses.length)

  const chooseCategory = (id: string | undefined) => {
    hapticSelection()
    setCategoryId(id)
    if (id) track("category_view", { category_id: id })
  }
  const openCourse = (course: CatalogCourse) => navigation.push({ name: "course", handle: course.handle })
  const state = catalogue.status === "ready" && catalogue.value.courses.length === 0 ? "empty" : catalogue.status

  return (
    <main
      className="screen catalogue"
      data-testid="catalogue"
      data-state={state}
      aria-busy={catalogue.status === "loading"}
    >
      <header className="catalogue__header">
        <div>
          <h1 className="catalogue__title">{t("catalogueTitle")}</h1>
          <p className="catalogue__lead">{t("catalogueLead")}</p>
        </div>
        <button
          type="button"
          className="pill-button"
          onClick={() => navigation.push({ name: "my-courses" })}
          data-testid="open-my-courses"
        >
          {t("myCourses")}
        </button>
      </header>

      {catalogue.status === "ready" && catalogue.value.courses.length > 0 ? (
        <div className="catalogue__filters">
          <input
            type="search"
            className="search"
            placeholder={t("searchPlaceholder")}
            aria-label={t("searchLabel")}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="search"
          />
          <div className="chips" role="group" aria-label={t("categoriesLabel")}>
            <button type="button" className="chip" aria-pressed={!categoryId} onClick={() => chooseCategory(undefined)}>
              {t("allCategories")}
            </button>
            {catalogue.value.categories.map((category) => (
              <button
                type="button"
                key={category.id}
                className="chip"
                aria-pressed={categoryId === category.id}
                onClick={() => chooseCategory(category.id)}
                data-testid="category-chip"
              >
                {category.name}
              </button>
            ))}
          </div>
        </div>
      ) : null}

      {catalogue.status === "loading" ? (
        <div className="course-grid" aria-label={t("loading")}>
          {Array.from({ length: SKELETON_CARDS }, (_, i) => (
            <CourseCardSkeleton key={i} />
          ))}
        </div>
      ) : catalogue.status === "error" ? (
        <ErrorView error={catalogue.error} onRetry={catalogue.retry} testId="catalogue-error" />
      ) : state === "empty" ? (
        <StatusView testId="catalogue-empty" title={t("emptyTitle")} message={t("emptyMessage")} />
      ) : courses.length === 0 ? (
        <StatusView testId="catalogue-no-results" title={t("noResults")} />
      ) : (
        <ul className="course-grid">
          {courses.map((course, index) => (
            <li key={course.id}>
              <CourseCard
                course={course}
                owned={owned.productIds.has(course.id)}
                eager={index < EAGER_COVERS}
                onOpen={openCourse}
              />
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}

/** Reports a search once the shopper stops typing. */
function useReportSearch(query: string, results: number) {
  const latest = useRef(results)
  latest.current = results
  useEffect(() => {
    const trimmed = query.trim()
    if (trimmed.length < 2) return
    const timer = setTimeout(
      () => track("search", { details: { query: trimmed.slice(0, 100), results: latest.current } }),
      SEARCH_REPORT_DELAY_MS
    )
    return () => clearTimeout(timer)
  }, [query])
}
