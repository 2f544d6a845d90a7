import { t } from "../i18n"

/** Backend origin without a trailing slash; "" means same origin (relative URLs). */
export const BACKEND_URL = (import.meta.env.VITE_MEDUSA_BACKEND_URL ?? "").replace(/\/+$/, "")

export class ApiError extends Error {
  readonly status: number

  constructor(message: string, status: number) {
    super(message)
    this.name = "ApiError"
    this.status = status
  }
}

/** A JSON request to the backend; failures become an ApiError with a message the shopper can read. */
export async function requestJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${BACKEND_URL}${path}`, init)
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error
    throw new ApiError(t("offline"), 0)
  }
  if (!response.ok) {
    // Medusa answers errors as { type, message }.
    let message = t("serverError", { status: response.status })
    try {
      const body = (await response.json()) as { message?: unknown }
      if (typeof body.message === "string" && body.message) message = body.message
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(message, response.status)
  }
  return (await response.json()) as T
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
