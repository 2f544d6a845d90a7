import { useCallback, useEffect, useState } from "react"

export type AsyncState<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; value: T }

/** Runs `load` on mount and whenever `deps` change; `retry` runs it again. Stale answers are dropped. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> & { retry: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setState((current) => (current.status === "loading" ? current : { status: "loading" }))
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: "ready", value })
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
