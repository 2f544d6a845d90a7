import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import type { CustomerSession } from "../api/customer-session"
import type { MyCourse, StoreApi } from "../api/store"
import { getStorefrontConfig } from "../api/config"
import type { CartStorage } from "../cart/cart-storage"
import type { Launch } from "../telegram/launch-params"
import type { TelegramEnvironment } from "../telegram/environment"

/** What every screen uses: the launch, the shopper's session, the lazily loaded store API, owned courses. */
export interface Services {
  environment: TelegramEnvironment
  launch: Launch
  locale: string
  session: CustomerSession
  cartStorage: CartStorage
  /** The js-sdk based store API: its chunk loads on first use (prefetched after first paint). */
  store(): Promise<StoreApi>
}

interface Owned {
  /** undefined until My courses has been read once. */
  courses: MyCourse[] | undefined
  productIds: Set<string>
  refresh(): Promise<MyCourse[]>
}

const ServicesContext = createContext<Services | null>(null)
const OwnedContext = createContext<Owned | null>(null)

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error("useServices outside <ServicesProvider>")
  return services
}

export function useOwned(): Owned {
  const owned = useContext(OwnedContext)
  if (!owned) throw new Error("useOwned outside <ServicesProvider>")
  return owned
}

let storeApi: Promise<StoreApi> | undefined

/** Loads the store chunk once; a failed load (offline) is forgotten so the next use tries again. */
export function loadStoreApi(session: CustomerSession, locale: string): Promise<StoreApi> {
  storeApi ??= Promise.all([import("../api/store"), getStorefrontConfig()])
    .then(([module, config]) => new module.StoreApi(config.publishable_key, locale, session))
    .catch((error: unknown) => {
      storeApi = undefined
      throw error
    })
  return storeApi
}

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  const [courses, setCourses] = useState<MyCourse[]>()

  const refresh = useCallback(async () => {
    const list = await (await services.store()).myCourses()
    setCourses(list)
    return list
  }, [services])

  useEffect(() => {
    // After first paint: sign in, load the store chunk and what the shopper owns.
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200))
    idle(() => void refresh().catch(() => undefined))
  }, [refresh])

  const owned = useMemo<Owned>(
    () => ({ courses, productIds: new Set((courses ?? []).map((course) => course.product_id)), refresh }),
    [courses, refresh]
  )
  return (
    <ServicesContext.Provider value={services}>
      <OwnedContext.Provider value={owned}>{children}</OwnedContext.Provider>
    </ServicesContext.Provider>
  )
}
