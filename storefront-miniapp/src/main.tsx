import { lazy, StrictMode, Suspense } from "react"
import { createRoot } from "react-dom/client"
import { configureAnalytics } from "./api/analytics"
import { createCustomerSession, sessionTokenStore } from "./api/auth"
import { loadCourse } from "./api/catalog"
import { getStorefrontConfig } from "./api/config"
import { App } from "./App"
import { loadStoreApi } from "./app/services"
import { CartStorage } from "./cart/cart-storage"
import { currentLocale, setLanguage } from "./i18n"
import { pickLanguage } from "./i18n/language"
import { startTelegramClient } from "./telegram/bridge"
import { initialStack, launchRoute } from "./telegram/deep-links"
import { detectEnvironment } from "./telegram/environment"
import { readLaunch } from "./telegram/launch-params"
import { applyLaunchTheme } from "./telegram/theme"
import "./styles/index.css"

const OutsideTelegramPage = lazy(() => import("./pages/OutsideTelegramPage"))

const container = document.getElementById("root")
if (!container) throw new Error("index.html has no #root element")
const root = createRoot(container)
const launch = readLaunch()
const environment = detectEnvironment(Boolean(launch))

if (environment === "outside" || !launch) {
  setLanguage(pickLanguage(navigator.language))
  root.render(
    <Suspense fallback={null}>
      <OutsideTelegramPage />
    </Suspense>
  )
} else {
  // The first frame is drawn in the shopper's theme and language; the Telegram SDK loads beside it.
  applyLaunchTheme(launch.themeParams)
  setLanguage(pickLanguage(launch.languageCode))
  startTelegramClient(environment)
  const locale = currentLocale()
  const tokens = sessionTokenStore(launch.userId)
  const session = createCustomerSession(launch.initDataRaw, tokens)
  const cartStorage = new CartStorage(localStorage, sessionStorage, launch.userId)

  const route = launchRoute(launch.startParam, cartStorage.payingCartId(), window.location.search)
  // A deep link to a course: ask for it while the page's chunk loads, not after.
  if (route.name === "course") void loadCourse(route.handle, locale).catch(() => undefined)

  let publishableKey: string | undefined
  void getStorefrontConfig().then(
    (config) => (publishableKey = config.publishable_key),
    () => undefined
  )
  configureAnalytics(() => {
    if (!publishableKey) return undefined
    const token = tokens.read()
    return { "x-publishable-api-key": publishableKey, ...(token ? { authorization: `Bearer ${token}` } : {}) }
  })
  // Sign in beside the first screen's requests, not after them.
  void session.token().catch(() => undefined)

  root.render(
    <StrictMode>
      <App
        services={{ environment, launch, locale, session, cartStorage, store: () => loadStoreApi(session, locale) }}
        initial={initialStack(route)}
      />
    </StrictMode>
  )
}
