import type { IncomingMessage, ServerResponse } from "node:http"
import { BotApiError, type BotApiState, type DeliveredMessage, type MethodHandler } from "./methods"
import { BadRequest, readRequestParams } from "./request-params"
import { failureAnswer, type FailureScript } from "./scripted-failures"

export type BotApiCall = {
  method: string
  token: string
  params: Record<string, unknown>
  /** HTTP status of the answer, or "hang" for a call left unanswered. */
  status: number | "hang"
  /** `Date.now()` when the call arrived. */
  at: number
}

export type RequestContext = {
  /** By lower-case method name. */
  methods: Map<string, MethodHandler>
  state: BotApiState
  calls: BotApiCall[]
  script: FailureScript
  /** The only token accepted, if set. */
  token?: string
  log: (line: string) => void
}

type ErrorAnswer = { description: string; parameters?: object; scripted?: boolean }

/** Answers one `POST|GET /bot<token>/<method>` request as Telegram would, recording the call. */
export async function handleRequest(context: RequestContext, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", "http://bot-api-double")
  const route = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/.exec(url.pathname)
  if (!route || (request.method !== "POST" && request.method !== "GET")) {
    request.resume()
    return send(response, 404, { ok: false, error_code: 404, description: "Not Found" })
  }
  const token = decodeURIComponent(route[1])
  const method = route[2]

  // Unreadable parameters
  let params: Record<string, unknown>
  try {
    params = await readRequestParams(request, url)
  } catch (error) {
    const description = error instanceof BadRequest ? error.message : "Bad Request: unreadable request"
    return answerError(context, record(context, method, token, {}), response, 400, { description })
  }
  const call = record(context, method, token, params)

  // Wrong token
  if (context.token !== undefined && token !== context.token) {
    return answerError(context, call, response, 401, { description: "Unauthorized" })
  }

  // Scripted failures
  const failure = context.script.take(method, params)
  if (failure?.kind === "hang") {
    call.status = "hang"
    context.log(`${method} → no answer (scripted hang)`)
    return
  }
  if (failure?.kind === "slow") {
    context.log(`${method} → answered after ${failure.ms} ms (scripted)`)
    await new Promise((resolve) => setTimeout(resolve, failure.ms))
    return callMethod(context, call, response)
  }
  if (failure) {
    const { status, ...error } = failureAnswer(failure)
    return answerError(context, call, response, status, { ...error, scripted: true })
  }

  await callMethod(context, call, response)
}

function record(context: RequestContext, method: string, token: string, params: Record<string, unknown>): BotApiCall {
  const call: BotApiCall = { method, token, params, status: 0, at: Date.now() }
  context.calls.push(call)
  return call
}

async function callMethod(context: RequestContext, call: BotApiCall, response: ServerResponse) {
  const handler = context.methods.get(call.method.toLowerCase())
  if (!handler) {
    return answerError(context, call, response, 404, { description: "Not Found" })
  }
  let result: unknown
  const deliveredBefore = context.state.delivered.length
  try {
    result = await handler(call.params, { token: call.token, state: context.state })
  } catch (error) {
    if (error instanceof BotApiError) {
      return answerError(context, call, response, error.errorCode, {
        description: error.description,
        parameters: error.parameters,
      })
    }
    return answerError(context, call, response, 500, { description: "Internal Server Error" })
  }
  call.status = 200
  logSuccess(context.log, call.method, context.state.delivered.slice(deliveredBefore))
  send(response, 200, { ok: true, result })
}

function answerError(
  context: RequestContext,
  call: BotApiCall,
  response: ServerResponse,
  status: number,
  error: ErrorAnswer
) {
  call.status = status
  context.log(`${call.method} → ${status} ${error.description}${error.scripted ? " (scripted)" : ""}`)
  send(response, status, {
    ok: false,
    error_code: status,
    description: error.description,
    ...(error.parameters ? { parameters: error.parameters } : {}),
  })
}

/** One line per call; in local mode, the text of each delivered message too. */
function logSuccess(log: (line: string) => void, method: string, newlyDelivered: DeliveredMessage[]) {
  if (!newlyDelivered.length) {
    log(`${method} → ok`)
  }
  for (const message of newlyDelivered) {
    const topic = message.messageThreadId ? `, topic ${message.messageThreadId}` : ""
    log(`${method} → chat ${message.chatId}${topic}, message ${message.messageId}:`)
    for (const line of message.text.split("\n")) {
      log(`  │ ${line}`)
    }
  }
}

export function send(response: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body)
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  })
  response.end(payload)
}
