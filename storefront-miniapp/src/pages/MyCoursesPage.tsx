import { useOwned, useServices } from "../app/services"
import type { MyCourse, Order } from "../api/store"
import { useNavigation } from "../app/navigation"
import { Button } from "../components/Button"
import { CourseCover } from "../components/CourseCard"
import { ErrorView } from "../components/ErrorView"
import { StatusView } from "../components/StatusView"
import { currentLocale, t, type MessageKey } from "../i18n"
import { formatDate, formatPrice } from "../lib/format"
import { useAsync } from "../lib/use-async"
import { openLink, openTelegramLink } from "../telegram/native"

/** Everything the shopper bought, with its access, and their order history. */
export default function MyCoursesPage() {
  const services = useServices()
  const owned = useOwned()
  const data = useAsync(async () => {
    const store = await services.store()
    const [courses, orders] = await Promise.all([owned.refresh(), store.orders()])
    return { courses, orders }
    // owned.refresh is stable per session.
  }, [])

  return (
    <main className="screen my-courses" data-testid="my-courses" data-state={data.status}>
      <h1 className="screen__title">{t("myCoursesTitle")}</h1>
      {data.status === "loading" ? (
        <section className="card" aria-busy="true" aria-label={t("loading")}>
          <span className="skeleton-line" />
          <span className="skeleton-line skeleton-line--short" />
        </section>
      ) : data.status === "error" ? (
        <ErrorView error={data.error} onRetry={data.retry} />
      ) : (
        <>
          {data.value.courses.length === 0 ? (
            <NoCourses />
          ) : (
            data.value.courses.map((course) => <OwnedCourse key={course.id} course={course} />)
          )}
          {data.value.orders.length ? <OrderHistory orders={data.value.orders} /> : null}
        </>
      )}
    </main>
  )
}

function NoCourses() {
  const navigation = useNavigation()
  return (
    <StatusView
      testId="my-courses-empty"
      title={t("noCoursesTitle")}
      message={t("noCoursesMessage")}
      action={<Button onClick={() => navigation.reset({ name: "catalogue" })}>{t("toCatalogue")}</Button>}
    />
  )
}

function OwnedCourse({ course }: { course: MyCourse }) {
  return (
    <article className="card owned-course" data-testid="owned-course" data-product-id={course.product_id}>
      <div className="owned-course__head">
        <CourseCover course={course} eager={false} className="line__cover" />
        <div>
          <h2 className="owned-course__title">{course.title}</h2>
          <p className="hint">{t("boughtOn", { date: formatDate(course.granted_at, currentLocale()) })}</p>
        </div>
      </div>
      {course.instructions ? <p className="prose owned-course__instructions">{course.instructions}</p> : null}
      <div className="owned-course__actions">
        {course.access_url ? (
          <Button onClick={() => openLink(course.access_url!)} data-testid="open-materials">
            {t("openMaterials")}
          </Button>
        ) : null}
        {course.telegram?.join_link ? (
          <Button
            className={course.access_url ? "button--secondary" : undefined}
            onClick={() => openTelegramLink(course.telegram!.join_link!)}
            data-testid="join-chat"
          >
            {course.telegram.joined ? t("joinedChat") : t("joinChat")}
          </Button>
        ) : null}
      </div>
    </article>
  )
}

/** Course orders are never shipped: what matters is whether they are paid, refunded or canceled. */
function orderStatusKey(order: Order): MessageKey {
  if (order.status === "canceled") return "orderStatus.canceled"
  if (order.payment_status === "refunded" || order.payment_status === "partially_refunded")
    return "orderStatus.refunded"
  return order.status === "completed" ? "orderStatus.completed" : "orderStatus.pending"
}

function OrderHistory({ orders }: { orders: Order[] }) {
  return (
    <section className="card">
      <h2 className="card__title">{t("ordersTitle")}</h2>
      <ul className="orders">
        {orders.map((order) => (
          <li key={order.id} className="order-row" data-testid="order-row">
            <div>
              <p>
                {t("orderLine", {
                  n: order.display_id ?? "",
                  date: formatDate(String(order.created_at), currentLocale()),
                })}
              </p>
              <p className="hint">{(order.items ?? []).map((item) => item.product_title ?? item.title).join(", ")}</p>
            </div>
            <div className="order-row__side">
              <p>{formatPrice(Number(order.total), order.currency_code)}</p>
              <p className="hint">{t(orderStatusKey(order))}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
