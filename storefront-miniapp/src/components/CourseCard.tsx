import { useState } from "react"
import type { Course } from "../api/medusa"
import { formatPrice } from "../lib/format"

interface CourseCardProps {
  course: Course
  /** The first cards are above the fold: load their covers eagerly. */
  eager?: boolean
}

function coursePrice(course: Course): string {
  const price = course.variants?.[0]?.calculated_price
  const amount = price?.calculated_amount
  if (amount === null || amount === undefined) return "Цена уточняется"
  if (amount === 0) return "Бесплатно"
  return formatPrice(amount, price?.currency_code ?? undefined)
}

function CourseCover({ course, eager }: { course: Course; eager: boolean }) {
  const [failed, setFailed] = useState(false)

  if (!course.thumbnail || failed) {
    return (
      <div className="course-card__cover course-card__cover--placeholder" aria-hidden="true">
        {course.title.trim().charAt(0).toUpperCase()}
      </div>
    )
  }
  return (
    <div className="course-card__cover">
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

export function CourseCard({ course, eager = false }: CourseCardProps) {
  return (
    <article className="course-card" data-testid="course-card" data-handle={course.handle ?? undefined}>
      <CourseCover course={course} eager={eager} />
      <div className="course-card__body">
        <h2 className="course-card__title" data-testid="course-title">
          {course.title}
        </h2>
        {course.subtitle ? <p className="course-card__subtitle">{course.subtitle}</p> : null}
        <p className="course-card__price" data-testid="course-price">
          {coursePrice(course)}
        </p>
      </div>
    </article>
  )
}

export function CourseCardSkeleton() {
  return (
    <div className="course-card course-card--skeleton" aria-hidden="true">
      <div className="course-card__cover" />
      <div className="course-card__body">
        <span className="skeleton-line" />
        <span className="skeleton-line skeleton-line--short" />
        <span className="skeleton-line skeleton-line--price" />
      </div>
    </div>
  )
}
