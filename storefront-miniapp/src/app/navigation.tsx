import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react"
import { initialStack, type Route } from "../telegram/deep-links"
import { useBackButton } from "../telegram/buttons"

interface Navigation {
  route: Route
  depth: number
  push(route: Route): void
  replace(route: Route): void
  back(): void
  /** Drops the history: `route` over the catalogue (after a purchase, "Open course"). */
  reset(route: Route): void
}

/** Shown when the stack is somehow empty; one object, so the context value stays stable. */
const CATALOGUE: Route = { name: "catalogue" }

const NavigationContext = createContext<Navigation | null>(null)

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext)
  if (!navigation) throw new Error("useNavigation outside <NavigationProvider>")
  return navigation
}

type HistoryState = { aistoreDepth?: number }

/**
 * A stack of screens mirrored in the browser history (same URL, so the launch parameters in the
 * hash stay): Telegram's BackButton and the browser's back both pop it.
 */
export function NavigationProvider({ initial, children }: { initial: Route[]; children: ReactNode }) {
  const [stack, setStack] = useState<Route[]>(initial)

  useEffect(() => {
    window.history.replaceState({ aistoreDepth: 0 } satisfies HistoryState, "")
    for (let depth = 1; depth < initial.length; depth += 1) {
      window.history.pushState({ aistoreDepth: depth } satisfies HistoryState, "")
    }
    const onPop = (event: PopStateEvent) => {
      const depth = (event.state as HistoryState | null)?.aistoreDepth ?? 0
      setStack((current) => (depth < current.length ? current.slice(0, depth + 1) : current))
    }
    window.addEventListener("popstate", onPop)
    return () => window.removeEventListener("popstate", onPop)
    // The initial stack is read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const depthRef = useRef(initial.length)
  depthRef.current = stack.length

  const push = useCallback((route: Route) => {
    window.history.pushState({ aistoreDepth: depthRef.current } satisfies HistoryState, "")
    depthRef.current += 1
    setStack((current) => [...current, route])
    window.scrollTo(0, 0)
  }, [])
  const replace = useCallback((route: Route) => {
    setStack((current) => [...current.slice(0, -1), route])
    window.scrollTo(0, 0)
  }, [])
  const back = useCallback(() => window.history.back(), [])
  const reset = useCallback((route: Route) => {
    // History entries above this one are left unused: a browser back lands on depth 0.
    const stack = initialStack(route)
    window.history.replaceState({ aistoreDepth: 0 } satisfies HistoryState, "")
    if (stack.length > 1) window.history.pushState({ aistoreDepth: 1 } satisfies HistoryState, "")
    depthRef.current = stack.length
    setStack(stack)
    window.scrollTo(0, 0)
  }, [])

  const route = stack[stack.length - 1] ?? CATALOGUE
  useBackButton(stack.length > 1, back)

  const value = useMemo(
    () => ({ route, depth: stack.length, push, replace, back, reset }),
    [route, stack.length, push, replace, back, reset]
  )
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>
}
