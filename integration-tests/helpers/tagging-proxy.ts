import { createServer, request, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export type TaggedCall = { tag: string; method: string; path: string }

export type TaggingProxy = { url: string; stop(): Promise<void> }

/**
 * An HTTP pass-through to `target` that records each request under `tag`. Give each process of a
 * topology its own proxy in front of an outside API (Yookassa, the Bot API) and the calls say
 * which process made them: the process's identity, seen from outside, with no hook in the app.
 */
export async function startTaggingProxy(
  target: string,
  tag: string,
  calls: TaggedCall[],
  /** Told of each call as it arrives, before it is passed on (a fault drill can act mid-call). */
  onCall: (call: TaggedCall) => void = () => {}
): Promise<TaggingProxy> {
  const upstream = new URL(target)
  const server: Server = createServer((incoming, outgoing) => {
    const call = { tag, method: incoming.method ?? "", path: incoming.url ?? "" }
    calls.push(call)
    onCall(call)
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      }
    )
    forwarded.on("error", () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections()
        server.close(() => closed())
      }),
  }
}
