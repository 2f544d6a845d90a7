import { Button } from "../components/Button"
import { CourseCard, CourseCardSkeleton } from "../components/CourseCard"
import { StatusView } from "../components/StatusView"
import { useCourses } from "../hooks/useCourses"

const SKELETON_CARDS = 4
const EAGER_COVERS = 2

/** First screen: the course catalogue, drawn from a single `/store/products` request. */
export function CataloguePage() {
  const catalogue = useCourses()

  return (
    <main
      className="catalogue"
      data-testid="catalogue"
      data-state={catalogue.status === "ready" && catalogue.courses.length === 0 ? "empty" : catalogue.status}
      aria-busy={catalogue.status === "loading"}
    >
      <header className="catalogue__header">
        <h1 className="catalogue__title">Курсы по ИИ</h1>
        <p className="catalogue__lead">Практика с нейросетями: от первых промптов до своих AI-продуктов</p>
      </header>

      {catalogue.status === "loading" ? (
        <div className="course-grid" aria-label="Загрузка курсов">
          {Array.from({ length: SKELETON_CARDS }, (_, i) => (
            <CourseCardSkeleton key={i} />
          ))}
        </div>
      ) : catalogue.status === "error" ? (
        <StatusView
          tone="error"
          testId="catalogue-error"
          title="Не удалось загрузить курсы"
          message={catalogue.message}
          action={
            <Button onClick={catalogue.retry} data-testid="catalogue-retry">
              Повторить
            </Button>
          }
        />
      ) : catalogue.courses.length === 0 ? (
        <StatusView
          testId="catalogue-empty"
          title="Курсов пока нет"
          message="Мы готовим новые программы — загляните чуть позже."
        />
      ) : (
        <ul className="course-grid">
          {catalogue.courses.map((course, index) => (
            <li key={course.id}>
              <CourseCard course={course} eager={index < EAGER_COVERS} />
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
