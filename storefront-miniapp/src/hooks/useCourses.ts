import { useCallback, useEffect, useState } from "react"
import { listCourses, type Course } from "../api/medusa"

export type CoursesState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; courses: Course[] }

/** Loads the catalogue once on mount; `retry` starts over (config included, if that failed). */
export function useCourses(): CoursesState & { retry: () => void } {
  const [state, setState] = useState<CoursesState>({ status: "loading" })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setState({ status: "loading" })
    listCourses(controller.signal).then(
      (courses) => {
        if (!controller.signal.aborted) setState({ status: "ready", courses })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        const message = error instanceof Error ? error.message : String(error)
        setState({ status: "error", message })
      }
    )
    return () => controller.abort()
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
