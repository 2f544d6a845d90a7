/**
 * Whether an error is PostgreSQL refusing a value (SQLSTATE class 22, "data exception": a number out
 * of its column's range, text it cannot convert or store, a date past its limits). The value came
 * from the request, so the answer is a 400, not the 500 "unknown error" Medusa gives: a backstop
 * behind each route's validation and `refuse-unstorable-input.ts`.
 */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/

type ErrorLike = { code?: unknown; cause?: unknown }

/** Looks at the error and the errors it wraps (`cause`), a few levels deep, as pg, knex and MikroORM nest them. */
export function isInputDataException(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as ErrorLike).code
    if (typeof code === "string" && DATA_EXCEPTION.test(code)) {
      return true
    }
    current = (current as ErrorLike).cause
  }
  return false
}
