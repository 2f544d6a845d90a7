/**
 * Errors Express and its body parser raise for a request they cannot read (a path parameter that
 * is not valid percent-encoding: "Failed to decode param", an unreadable or oversized body). They
 * carry a 4xx `status` (the http-errors convention), which Medusa's error handler ignores: it
 * answers 500 "unknown error". They are the client's fault and are answered as such.
 */
type HttpErrorLike = { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown }

/** The 4xx status an Express-level error asks for, or `undefined` when it is not one. */
export function clientErrorStatus(error: unknown): number | undefined {
  if (!error || typeof error !== "object") {
    return undefined
  }
  const { status, statusCode } = error as HttpErrorLike
  const code = typeof status === "number" ? status : statusCode
  return typeof code === "number" && code >= 400 && code < 500 ? code : undefined
}

/** What the client is told: the error's own words when they are meant for clients (`expose`), shortened. */
export function clientErrorMessage(error: unknown): string {
  const { expose, message } = error as HttpErrorLike
  if (expose !== false && typeof message === "string" && message.trim()) {
    return message.slice(0, 300)
  }
  return "The request could not be read."
}
