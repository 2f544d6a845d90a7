import { Component, lazy, Suspense, type ReactNode } from "react"
import { NavigationProvider, useNavigation } from "./app/navigation"
import { ServicesProvider, type Services } from "./app/services"
import { Button } from "./components/Button"
import { StatusView } from "./components/StatusView"
import { t } from "./i18n"
import { CataloguePage } from "./pages/CataloguePage"
import type { Route } from "./telegram/deep-links"

// Every screen but the first is a chunk of its own.
const CoursePage = lazy(() => import("./pages/CoursePage"))
const CheckoutPage = lazy(() => import("./pages/CheckoutPage"))
const OrderPage = lazy(() => import("./pages/OrderPage"))
const MyCoursesPage = lazy(() => import("./pages/MyCoursesPage"))
const LegalPage = lazy(() => import("./pages/LegalPage"))

function Screen() {
  const { route } = useNavigation()
  return (
    <ScreenBoundary key={JSON.stringify(route)}>
      <Suspense fallback={<div className="screen" aria-busy="true" />}>{renderRoute(route)}</Suspense>
    </ScreenBoundary>
  )
}

function renderRoute(route: Route): ReactNode {
  switch (route.name) {
    case "catalogue":
      return <CataloguePage />
    case "course":
      return <CoursePage handle={route.handle} />
    case "checkout":
      return <CheckoutPage />
    case "order":
      return <OrderPage cartId={route.cartId} invoice={route.invoice} />
    case "my-courses":
      return <MyCoursesPage />
    case "legal":
      return <LegalPage slug={route.slug} />
  }
}

/** A screen that failed to load its chunk (offline) or crashed shows a retry, never a blank page. */
class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <main className="screen">
        <StatusView
          tone="error"
          testId="screen-error"
          title={t("loadErrorTitle")}
          message={t("offline")}
          action={<Button onClick={() => window.location.reload()}>{t("retry")}</Button>}
        />
      </main>
    )
  }
}

export function App({ services, initial }: { services: Services; initial: Route[] }) {
  return (
    <ServicesProvider services={services}>
      <NavigationProvider initial={initial}>
        <div className="app">
          <Screen />
        </div>
      </NavigationProvider>
    </ServicesProvider>
  )
}
