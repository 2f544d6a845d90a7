import type { IncomingMessage, ServerResponse } from "node:http"
import { invalidRequest } from "./errors"

const BODY_LIMIT_BYTES = 1024 * 1024

/** The request body as text; over 1 MB is a 400 (the rest is drained, so the answer can still be read). */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= BODY_LIMIT_BYTES) {
      chunks.push(chunk)
    }
  }
  if (size > BODY_LIMIT_BYTES) {
    throw invalidRequest("Request body is larger than 1 MB")
  }
  return Buffer.concat(chunks).toString("utf8")
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    "content-type": "application/json;charset=UTF-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  })
  response.end(text)
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) })
  response.end(html)
}

/** 303 See Other: the browser follows a form POST with a GET, as after a payment page. */
export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location, "content-length": 0 })
  response.end()
}
