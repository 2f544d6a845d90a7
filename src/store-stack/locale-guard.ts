import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Medusa's locale middleware for /store reads `?locale=` as a string; given two
 * (`?locale=a&locale=b`) or an object (`?locale[x]=1`) it throws inside an async middleware
 * that Express 4 does not await, and the request hangs with no answer (seen on 2.21.2).
 * This answers 400 naming the parameter instead, and passes any other failure to the error handler.
 */
export function guardLocale(applyLocale: Middleware): Middleware {
  return async function guardedApplyLocale(req, res, next) {
    const locale = req.query.locale
    if (locale !== undefined && typeof locale !== "string") {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, "locale: give one locale, such as ru-RU"))
    }
    try {
      await applyLocale(req, res, next)
    } catch (error) {
      next(error)
    }
  }
}
