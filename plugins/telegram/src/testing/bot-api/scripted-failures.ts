/** How the double answers a scripted call. */
export type ScriptedFailure =
  /** 429 Too Many Requests with `parameters.retry_after` (seconds). */
  | { kind: "rate_limit"; retryAfter: number }
  /** 403, by default "Forbidden: bot can't initiate conversation with a user". */
  | { kind: "forbidden"; description?: string }
  /** A 5xx (default 500), as a proxy in front of Telegram would answer. */
  | { kind: "server_error"; status?: number }
  /** 400 with the given description. */
  | { kind: "bad_request"; description?: string }
  /** Never answers (until `stop()`). */
  | { kind: "hang" }
  /** Does the call, and answers it as usual, only after `ms` (a slow network or a busy Telegram). */
  | { kind: "slow"; ms: number }

/** Limits a scripted failure to calls of one method and/or one chat. */
export type FailureFilter = { method?: string; chatId?: number | string }

/** The error answer of a scripted failure, as Telegram would send it. */
export type FailureAnswer = { status: number; description: string; parameters?: object }

/** The failures scripted for the next calls, taken in order by the first call each matches. */
export function createFailureScript() {
  const scripted: Array<ScriptedFailure & FailureFilter> = []
  return {
    add(failure: ScriptedFailure & FailureFilter, times: number) {
      for (let i = 0; i < times; i++) {
        scripted.push(failure)
      }
    },
    take(method: string, params: Record<string, unknown>): ScriptedFailure | undefined {
      const at = scripted.findIndex(
        (failure) =>
          (!failure.method || failure.method.toLowerCase() === method.toLowerCase()) &&
          (failure.chatId === undefined || String(failure.chatId) === String(params.chat_id))
      )
      return at === -1 ? undefined : scripted.splice(at, 1)[0]
    },
    clear() {
      scripted.length = 0
    },
  }
}

export type FailureScript = ReturnType<typeof createFailureScript>

/** What Telegram (or a proxy in front of it) answers for each kind of scripted failure. */
export function failureAnswer(failure: Exclude<ScriptedFailure, { kind: "hang" | "slow" }>): FailureAnswer {
  switch (failure.kind) {
    case "rate_limit":
      return {
        status: 429,
        description: `Too Many Requests: retry after ${failure.retryAfter}`,
        parameters: { retry_after: failure.retryAfter },
      }
    case "forbidden":
      return {
        status: 403,
        description: failure.description ?? "Forbidden: bot can't initiate conversation with a user",
      }
    case "server_error":
      return { status: failure.status ?? 500, description: "Internal Server Error" }
    case "bad_request":
      return { status: 400, description: failure.description ?? "Bad Request: scripted failure" }
  }
}
