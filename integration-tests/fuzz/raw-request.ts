import { request } from "node:http"

export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/**
 * One HTTP request exactly as written (path, headers and body bytes untouched: no client-side
 * normalising of the URL or re-encoding of JSON), as a hostile client sends it.
 */
export function rawRequest(
  port: number,
  {
    method,
    path,
    headers = {},
    body,
  }: { method: string; path: string; headers?: Record<string, string>; body?: string }
): Promise<RawAnswer> {
  return new Promise((answer, fail) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: { ...headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) },
      },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk))
        incoming.on("end", () =>
          answer({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          })
        )
        incoming.on("error", fail)
      }
    )
    outgoing.on("error", fail)
    outgoing.end(body)
  })
}

/** The JSON of an answer, or `undefined` when it is not JSON. */
export function jsonOf(answer: RawAnswer): any {
  try {
    return JSON.parse(answer.body)
  } catch {
    return undefined
  }
}
