import {
  errorHandler as medusaErrorHandler,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isUnreachableDependency } from "./unreachable-dependency"

/** Seconds a client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5
export const UNAVAILABLE_BODY = {
  type: "service_unavailable",
  code: "service_unavailable",
  message: "The store is temporarily unavailable. Please try again in a few seconds.",
}

const stock = medusaErrorHandler()

/**
 * Medusa's error handler, except that an unreachable database (or other service) is answered
 * 503 with Retry-After and a message the Mini App can show, instead of a 500 "unknown error":
 * the client can tell an outage it may wait out from a fault. The details go to the log only.
 */
export function storeErrorHandler(error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!isUnreachableDependency(error)) {
    return stock(error as Error, req, res, next)
  }
  const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
  const reason = error instanceof Error ? error.message : String(error)
  logger.warn(`503 at ${req.method} ${req.path}: a service the request needs is unreachable (${reason})`)
  if (res.headersSent) {
    return next(error)
  }
  res.setHeader("retry-after", String(RETRY_AFTER_SECONDS))
  res.status(503).json(UNAVAILABLE_BODY)
}
