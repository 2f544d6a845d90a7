import {
  errorHandler as medusaErrorHandler,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { clientErrorMessage, clientErrorStatus } from "./client-http-error"
import { isInputDataException } from "./input-data-exception"
import { isUnreachableDependency } from "./unreachable-dependency"

/** Seconds a client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5
export const UNAVAILABLE_BODY = {
  type: "service_unavailable",
  code: "service_unavailable",
  message: "The store is temporarily unavailable. Please try again in a few seconds.",
}

export const INVALID_VALUE_BODY = {
  type: "invalid_data",
  message: "A value in the request is out of range or holds characters that cannot be stored.",
}

const stock = medusaErrorHandler()

/**
 * Medusa's error handler, except that an unreachable database (or other service) is answered
 * 503 with Retry-After and a message the Mini App can show, instead of a 500 "unknown error":
 * the client can tell an outage it may wait out from a fault; a value PostgreSQL refused is
 * answered 400, and a request Express could not read gets the 4xx Express gave it. The details go
 * to the log only.
 */
export function storeErrorHandler(error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (isInputDataException(error)) {
    return answerInvalidValue(error, req, res, next)
  }
  const clientStatus = error instanceof MedusaError ? undefined : clientErrorStatus(error)
  if (clientStatus && !res.headersSent) {
    res.status(clientStatus).json({ type: "invalid_data", message: clientErrorMessage(error) })
    return
  }
  if (!isUnreachableDependency(error)) {
    return stock(error as Error, req, res, next)
  }
  const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
  const reason = error instanceof Error ? error.message : String(error)
  logger.warn(`503 at ${req.method} ${req.path}: a service the request needs is unreachable (${reason})`)
  if (res.headersSent) {
    return next(error)
  }
  answerUnavailable(res)
}

/** 503 with Retry-After and a message the Mini App can show: an outage the client may wait out. */
export function answerUnavailable(res: MedusaResponse) {
  res.setHeader("retry-after", String(RETRY_AFTER_SECONDS))
  res.status(503).json(UNAVAILABLE_BODY)
}

/** PostgreSQL refused a value the request carried: the client's fault, said without the database's wording. */
function answerInvalidValue(error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
  const reason = error instanceof Error ? error.message : String(error)
  logger.warn(`400 at ${req.method} ${req.path}: PostgreSQL refused a value of the request (${reason})`)
  if (res.headersSent) {
    return next(error)
  }
  res.status(400).json(INVALID_VALUE_BODY)
}
