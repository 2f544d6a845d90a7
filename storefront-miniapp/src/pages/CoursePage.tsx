import { useEffect, useState } from "react"
import { track } from "../api/analytics"
import { arrivedCourse, catalogCourse, loadCourse } from "../api/catalog"
import type { CatalogCourse, CourseDetails } from "../api/catalog-types"
import { getStorefrontConfig } from "../api/config"
import { errorMessage } from "../api/http"
import { useNavigation } from "../app/navigation"
import { useOwned, useServices } from "../app/services"
import { AlreadyOwnedError, cartWithCourse } from "../cart/add-course"
import { Button } from "../components/Button"
import { CourseCover } from "../components/CourseCard"
import { ErrorView } from "../components/ErrorView"
import { StatusView } from "../components/StatusView"
import { t, type MessageKey } from "../i18n"
import { coursePriceText } from "../lib/course-price"
import { formatPrice } from "../lib/format"
import { useAsync } from "../lib/use-async"
import { useMainButton } from "../telegram/buttons"
import { hapticNotify } from "../telegram/native"

/** A course: cover, pitch, facts, full description, what you will learn, price; Buy on the MainButton. */
export default function CoursePage({ handle }: { handle: string }) {
  const { locale } = useServices()
  const navigation = useNavigation()
  const [summary, setSummary] = useState<CatalogCourse>()
  const details = useAsync(() => loadCourse(handle, locale), [handle, locale], arrivedCourse(handle, locale))

  useEffect(() => {
    void catalogCourse(handle, locale).then(setSummary)
  }, [handle, locale])

  const course: CatalogCourse | CourseDetails | undefined = details.status === "ready" ? details.value : summary
  useEffect(() => {
    if (course?.id) track("product_view", { product_id: course.id })
  }, [course?.id])

  if (!course) {
    if (details.status === "error") return <ErrorView error={details.error} onRetry={details.retry} />
    if (details.status === "ready") {
      return (
        <main className="screen">
          <StatusView
            testId="course-not-found"
            title={t("courseNotFound")}
            action={<Button onClick={() => navigation.reset({ name: "catalogue" })}>{t("toCatalogue")}</Button>}
          />
        </main>
      )
    }
    return <CourseSkeleton />
  }
  return <CourseView course={course} details={details.status === "ready" ? details.value : undefined} />
}

function CourseView({ course, details }: { course: CatalogCourse; details?: CourseDetails }) {
  const services = useServices()
  const navigation = useNavigation()
  const owned = useOwned()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const isOwned = owned.productIds.has(course.id)

  const buy = async () => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    try {
      const [store, config] = await Promise.all([services.store(), getStorefrontConfig()])
      await cartWithCourse(store, services.cartStorage, config.region_id, course.variant_id)
      track("add_to_cart", { product_id: course.id })
      navigation.push({ name: "checkout" })
    } catch (caught) {
      if (caught instanceof AlreadyOwnedError) {
        await owned.refresh().catch(() => undefined)
      } else {
        hapticNotify("error")
        setError(errorMessage(caught))
      }
    } finally {
      setBusy(false)
    }
  }

  const price = course.price
  const buyText = !price
    ? ""
    : price.amount === 0
      ? t("getFree")
      : t("buyFor", { price: formatPrice(price.amount, price.currency_code) })
  useMainButton({
    text: isOwned ? t("openCourse") : buyText,
    enabled: isOwned || Boolean(price && course.variant_id),
    loading: busy,
    onClick: () => (isOwned ? navigation.push({ name: "my-courses" }) : void buy()),
  })

  const facts = [
    course.level ? t(`level.${course.level}` as MessageKey) : null,
    course.duration_hours ? t("hours", { n: course.duration_hours }) : null,
    course.lessons ? t("lessons", { n: course.lessons }) : null,
  ].filter((fact): fact is string => Boolean(fact) && !fact?.startsWith("level."))

  return (
    <main className="screen course" data-testid="course-page" data-handle={course.handle} data-owned={isOwned}>
      <CourseCover course={course} eager className="course__cover" />
      <section className="card course__intro">
        <h1 className="course__title">{course.title}</h1>
        {course.subtitle ? <p className="course__subtitle">{course.subtitle}</p> : null}
        {facts.length ? (
          <ul className="facts">
            {facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        ) : null}
        <p className="course__price" data-testid="course-page-price">
          {isOwned ? t("ownedNote") : coursePriceText(course)}
        </p>
        {error ? (
          <p className="form-error" role="alert" data-testid="buy-error">
            {error}
          </p>
        ) : null}
      </section>
      {details?.description ? (
        <section className="card">
          <h2 className="card__title">{t("aboutCourse")}</h2>
          {details.description.split(/\n{2,}/).map((paragraph, index) => (
            <p className="prose" key={index}>
              {paragraph}
            </p>
          ))}
        </section>
      ) : null}
      {details?.outcomes.length ? (
        <section className="card">
          <h2 className="card__title">{t("outcomesTitle")}</h2>
          <ul className="outcomes" data-testid="outcomes">
            {details.outcomes.map((outcome) => (
              <li key={outcome}>{outcome}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  )
}

function CourseSkeleton() {
  return (
    <main className="screen course" aria-busy="true" aria-label={t("loading")}>
      <div className="cover course__cover course-card--skeleton" />
      <section className="card">
        <span className="skeleton-line" />
        <span className="skeleton-line skeleton-line--short" />
        <span className="skeleton-line skeleton-line--price" />
      </section>
    </main>
  )
}
