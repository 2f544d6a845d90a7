import { Agent, request } from "node:http"
import { percentiles } from "./measure.mjs"

/**
 * Closed-loop load: `connections` keep-alive connections, each sending the next request as soon
 * as its previous answer is read, for `seconds` (or until `amount` requests are sent). node:http
 * rather than fetch, so the client spends as little of the machine's CPU as it can. `make(i)` gives
 * request i: { path, method, headers, body }. Returns requests/s, latency percentiles (ms) and the
 * count of each status.
 */
export async function load(baseUrl, make, { connections = 10, seconds = 10, amount, warmup = 200 } = {}) {
  const { hostname, port } = new URL(baseUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const send = ({ path, method = "GET", headers = {}, body }) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const started = process.hrtime.bigint()
      const req = request(
        {
          hostname,
          port,
          path,
          method,
          agent,
          headers: payload ? { "content-type": "application/json", ...headers } : headers,
        },
        (res) => {
          res.on("data", () => {})
          res.on("end", () =>
            resolve({
              status: res.statusCode,
              headers: res.headers,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
            })
          )
        }
      )
      req.on("error", reject)
      req.end(payload)
    })

  let next = 0
  for (let i = 0; i < warmup; i++) {
    await send(make(next++))
  }
  const latencies = []
  const statuses = {}
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9))
  let sent = 0
  const more = amount === undefined ? () => process.hrtime.bigint() < deadline : () => sent++ < amount
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (more()) {
        const { status, ms } = await send(make(next++))
        latencies.push(ms)
        statuses[status] = (statuses[status] ?? 0) + 1
      }
    })
  )
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9
  agent.destroy()
  return { requests: latencies.length, rate: latencies.length / elapsed, statuses, ...percentiles(latencies) }
}

/** One request, for setting up: the status, headers and parsed JSON body. */
export async function once(baseUrl, { path, method = "GET", headers = {}, body }) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
}
