import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findUnstorableText, hasUnstorableText } from "./unstorable-text"

/**
 * The request's whole path (`originalUrl`: under the `*` matcher `req.path` is what is left after
 * it, "/"), percent-decoded as routes see their parameters; `undefined` if it cannot be decoded.
 */
function decodedPath(req: MedusaRequest): string | undefined {
  try {
    return decodeURIComponent(req.originalUrl.split("?")[0])
  } catch {
    return undefined
  }
}

/**
 * Refuses, with a 400 naming the field, any request whose path, query or body holds a character
 * PostgreSQL cannot store (`GET /store/carts/%00` and a NUL in a click's details were 500s), and a
 * path that is not valid percent-encoding. Runs for every route, stock ones included, after
 * Medusa's body parser and before any route reads the database.
 */
export function refuseUnstorableInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const path = decodedPath(req)
  if (path === undefined) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, "The request path is not valid percent-encoding"))
  }
  if (hasUnstorableText(path)) {
    return next(
      new MedusaError(MedusaError.Types.INVALID_DATA, "The request path holds a character that cannot be stored (NUL)")
    )
  }
  for (const [part, value] of [
    ["query", req.query],
    ["body", req.body],
  ] as const) {
    const field = findUnstorableText(value)
    if (field !== undefined) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${part}: ${field} holds a character that cannot be stored (NUL or half of a UTF-16 pair), or is nested too deeply`
        )
      )
    }
  }
  next()
}
