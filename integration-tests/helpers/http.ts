/** An answer of Medusa's HTTP API as the test runner's axios client gives it. */
export type HttpAnswer = { status: number; data: any; headers?: Record<string, unknown> }

/**
 * For `.catch(errorResponse)`: the answer of a request that came back 4xx or 5xx (axios rejects
 * those), so a spec can assert on it. A request that got no answer at all still fails the test.
 */
export function errorResponse(error: unknown): HttpAnswer {
  const response = (error as { response?: HttpAnswer } | null)?.response
  if (!response) {
    throw error
  }
  return response
}

/** The answer of a request that must fail; a request that succeeds fails the test. */
export function failed(request: Promise<unknown>): Promise<HttpAnswer> {
  return request.then(() => {
    throw new Error("expected the request to fail")
  }, errorResponse)
}
