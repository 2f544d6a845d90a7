import { randomUUID } from "node:crypto"

/** Yookassa's error body (yookassa.ru/developers/using-api/response-handling/response-format). */
export type ErrorBody = { type: "error"; id: string; code: string; description: string; parameter?: string }

export function errorBody(code: string, description: string, parameter?: string): ErrorBody {
  return { type: "error", id: randomUUID(), code, description, ...(parameter ? { parameter } : {}) }
}

/** An API answer other than 200, thrown by validation and state rules and turned into Yookassa's error body. */
export class YookassaError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly parameter?: string
  ) {
    super(description)
    this.name = "YookassaError"
  }

  body(): ErrorBody {
    return errorBody(this.code, this.description, this.parameter)
  }
}

export function invalidRequest(description: string, parameter?: string): YookassaError {
  return new YookassaError(400, "invalid_request", description, parameter)
}

export function notFound(description: string, parameter?: string): YookassaError {
  return new YookassaError(404, "not_found", description, parameter)
}

export const FAULT_ERRORS: Record<500 | 429 | 503, { code: string; description: string }> = {
  500: {
    code: "internal_server_error",
    description: "Internal server error. The result of the request is unknown: repeat it with the same Idempotence-Key",
  },
  // Yookassa documents no 503 body; a gateway in front of it answers one, with the 500 code.
  503: {
    code: "internal_server_error",
    description: "Service temporarily unavailable. Repeat the request with the same Idempotence-Key",
  },
  429: {
    code: "too_many_requests",
    description: "Too many requests. Reduce the request rate and repeat the request later",
  },
}
