import type { YookassaErrorBody } from "./types"

/** An answer from Yookassa other than 2xx, carrying Yookassa's own code, description and parameter. */
export class YookassaApiError extends Error {
  readonly status: number
  readonly code: string
  readonly description?: string
  readonly parameter?: string

  constructor(status: number, body: Partial<YookassaErrorBody> | undefined) {
    const code = body?.code ?? "unknown_error"
    const parameter = body?.parameter ? ` (parameter: ${body.parameter})` : ""
    super(`Yookassa answered ${status} ${code}: ${body?.description ?? "no description"}${parameter}`)
    this.name = "YookassaApiError"
    this.status = status
    this.code = code
    this.description = body?.description
    this.parameter = body?.parameter
  }

  /** 5xx and 429 are worth retrying with the same Idempotence-Key; 4xx are final. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429
  }
}

/** Yookassa could not be reached or did not answer in time, after every retry. */
export class YookassaNetworkError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`Yookassa could not be reached (${operation}): ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = "YookassaNetworkError"
  }
}
