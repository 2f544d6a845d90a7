import { useCallback, useEffect, useState } from "react"

export type AsyncState<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; value: T }

/**
 * Runs `load` on mount and whenever `deps` change; `retry` runs it again. Stale answers are dropped.
 * `initial` is a value already at hand for the first render (it is still loaded, to stay fresh).
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  initial?: T
): AsyncState<T> & { retry: () => void } {
  const [state, setState] = useState<AsyncState<T>>(
    initial === undefined ? { status: "loading" } : { status: "ready", value: initial }
  )
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setState((current) => (current.status === "error" ? { status: "loading" } : current))
    load(controller.signal).then(
      (value) => {
        // The same answer as the one drawn keeps the state, so nothing renders twice.
        if (!controller.signal.aborted)
          setState((current) =>
            current.status === "ready" && current.value === value ? current : { status: "ready", value }
          )
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error })
      }
    )
    return () => controller.abort()
    // `load` is a fresh closure on every render; `deps` say when it really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
