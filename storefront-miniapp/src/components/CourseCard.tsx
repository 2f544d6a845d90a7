import { useState, type MouseEvent } from "react"
import type { CatalogCourse } from "../api/catalog-types"
import { t } from "../i18n"
import { coursePriceText } from "../lib/course-price"

interface CourseCardProps {
  course: CatalogCourse
  owned: boolean
  /** The first cards are above the fold: load their covers eagerly. */
  eager?: boolean
  onOpen: (course: CatalogCourse) => void
}

export function CourseCover({
  course,
  eager,
  className = "",
}: {
  course: Pick<CatalogCourse, "title" | "thumbnail">
  eager: boolean
  className?: string
}) {
  const [failed, setFailed] = useState(false)
  if (!course.thumbnail || failed) {
    return (
      <div className={`cover cover--placeholder ${className}`} aria-hidden="true">
        {course.title.trim().charAt(0).toUpperCase()}
      </div>
    )
  }
  return (
    <div className={`cover ${className}`}>
      <img
        src={course.thumbnail}
        alt=""
        width={640}
        height={360}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        onError={() => setFailed(true)}
      />
    </div>
  )
}

export function CourseCard({ course, owned, eager = false, onOpen }: CourseCardProps) {
  const open = (event: MouseEvent) => {
    event.preventDefault()
    onOpen(course)
  }
  return (
    <a
      className="course-card"
      href={`?startapp=course_${course.handle}`}
      onClick={open}
      data-testid="course-card"
      data-handle={course.handle}
    >
      <CourseCover course={course} eager={eager} />
      <div className="course-card__body">
        <h2 className="course-card__title" data-testid="course-title">
          {course.title}
        </h2>
        {course.subtitle ? <p className="course-card__subtitle">{course.subtitle}</p> : null}
        <p className="course-card__price" data-testid="course-price">
          {owned ? <span className="badge">{t("owned")}</span> : coursePriceText(course)}
        </p>
      </div>
    </a>
  )
}

export function CourseCardSkeleton() {
  return (
    <div className="course-card course-card--skeleton" aria-hidden="true">
      <div className="cover" />
      <div className="course-card__body">
        <span className="skeleton-line" />
        <span className="skeleton-line skeleton-line--short" />
        <span className="skeleton-line skeleton-line--price" />
      </div>
    </div>
  )
}
