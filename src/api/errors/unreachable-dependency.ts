/**
 * Whether an error says the database (or another service a request needs) could not be reached:
 * the connection was refused, reset or timed out, the pool found no connection, or PostgreSQL
 * refused connections while starting or stopping. Medusa answers these with a 500 "unknown error";
 * they are an outage the client can wait out, not a bug.
 */

/** Socket errors of a connection that failed or broke (node's `code`). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"])
/** PostgreSQL's SQLSTATEs for "no connection" (class 08) and "not accepting connections now" (57P0x). */
const POSTGRES_UNAVAILABLE = /^(08\d{3}|57P0[1-3])$/
/** What pg, knex, MikroORM and ioredis (Redis down: a command gave up) say when a connection ends, or none can be had. */
const CONNECTION_MESSAGES = [
  "Reached the max retries per request limit",
  "Connection terminated",
  "Timeout acquiring a connection",
  "Client has encountered a connection error",
  "connect ECONNREFUSED",
  "read ECONNRESET",
]
const CONNECTION_ERROR_NAMES = new Set(["ConnectionException", "KnexTimeoutError", "MaxRetriesPerRequestError"])

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown }

function saysUnreachable(error: ErrorLike): boolean {
  const code = typeof error.code === "string" ? error.code : ""
  const message = typeof error.message === "string" ? error.message : ""
  return (
    SOCKET_CODES.has(code) ||
    POSTGRES_UNAVAILABLE.test(code) ||
    CONNECTION_ERROR_NAMES.has(String(error.name)) ||
    CONNECTION_MESSAGES.some((text) => message.includes(text))
  )
}

/** Looks at the error and the errors it wraps (`cause`), a few levels deep. */
export function isUnreachableDependency(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    if (saysUnreachable(current as ErrorLike)) {
      return true
    }
    current = (current as ErrorLike).cause
  }
  return false
}
