import type { IncomingMessage } from "node:http"

/** Fields that telegraf (and other clients) send as JSON strings inside form bodies. */
const JSON_FIELDS = new Set([
  "reply_markup",
  "link_preview_options",
  "reply_parameters",
  "entities",
  "caption_entities",
  "results",
  "commands",
  "menu_button",
  "scope",
  "allowed_updates",
  "media",
])

const MAX_BODY_BYTES = 10 * 1024 * 1024

export class BadRequest extends Error {}

/**
 * The parameters of a Bot API request, as Telegram takes them: the query string, plus a
 * JSON, `application/x-www-form-urlencoded` or `multipart/form-data` body. File parts of a
 * multipart body are recorded as `{ filename, size }`.
 */
export async function readRequestParams(request: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {}
  url.searchParams.forEach((value, key) => (params[key] = parseField(key, value)))

  const body = await readBody(request)
  if (!body.length) {
    return params
  }
  const contentType = request.headers["content-type"] ?? ""
  if (contentType.startsWith("application/json")) {
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString("utf8"))
    } catch {
      throw new BadRequest("Bad Request: invalid JSON in the request body")
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new BadRequest("Bad Request: the request body must be a JSON object")
    }
    return { ...params, ...(parsed as Record<string, unknown>) }
  }
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    new URLSearchParams(body.toString("utf8")).forEach((value, key) => (params[key] = parseField(key, value)))
    return params
  }
  const boundary = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType)?.[1]
  if (boundary) {
    return { ...params, ...parseMultipart(body, boundary) }
  }
  throw new BadRequest(`Bad Request: unsupported content type ${JSON.stringify(contentType)}`)
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    let size = 0
    request.on("data", (part: Buffer) => {
      size += part.length
      if (size > MAX_BODY_BYTES) {
        reject(new BadRequest("Bad Request: request body too large"))
        request.destroy()
        return
      }
      parts.push(part)
    })
    request.on("end", () => resolve(Buffer.concat(parts)))
    request.on("error", reject)
  })
}

function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  const delimiter = Buffer.from(`--${boundary}`)
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const partStart = start + delimiter.length
    const next = body.indexOf(delimiter, partStart)
    if (next === -1) {
      break
    }
    const part = body.subarray(partStart, next)
    const headerEnd = part.indexOf("\r\n\r\n")
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8")
      const content = part.subarray(headerEnd + 4, part.length - 2) // drop the CRLF before the delimiter
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1]
      if (name !== undefined) {
        params[name] =
          filename !== undefined ? { filename, size: content.length } : parseField(name, content.toString("utf8"))
      }
    }
    start = next
  }
  return params
}

function parseField(name: string, value: string): unknown {
  if (!JSON_FIELDS.has(name)) {
    return value
  }
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}
