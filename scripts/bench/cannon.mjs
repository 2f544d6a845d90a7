import autocannon from "autocannon"

/**
 * One autocannon row: `connections` keep-alive connections, each its own request list (autocannon
 * shares one list between connections, and a shared list would send every connection's first
 * request with the last connection's setup). Runs for `seconds`, or until `amount` answers.
 * Returns requests/s, p50 and p99 (ms, of the 2xx answers) and every answer that was not a 2xx.
 *
 * @param {string} url
 * @param {() => object[]} requests   a fresh autocannon `requests` list for each connection
 * @param {{ connections: number, seconds?: number, amount?: number }} options
 */
export async function cannon(url, requests, { connections, seconds, amount }) {
  const started = performance.now()
  let lastAnswer = started
  const run = autocannon({
    url,
    connections: amount ? Math.min(connections, amount) : connections,
    ...(amount ? { amount } : { duration: seconds }),
    setupClient: (client) => client.setRequests(requests()),
  })
  // autocannon's own finish time waits for its next 1 s tick: a short row would read slow.
  run.on("response", () => (lastAnswer = performance.now()))
  const result = await run
  const elapsedSeconds = (lastAnswer - started) / 1000
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]))
  const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0)
  return {
    requests: answered,
    rate: answered / elapsedSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    refused: result.non2xx + result.errors + result.timeouts,
    statuses,
  }
}

/**
 * Requests that each take the next of `items` (one per request, none twice, as many as `amount`):
 * a step of a flow that needs what the previous step made (a cart, its payment collection).
 * `onAnswer(status, body, item)` sees each answer.
 */
export function eachOnce(items, build, onAnswer = () => {}) {
  let next = 0
  return () => [
    {
      setupRequest: (request, context) => {
        context.item = items[next++]
        return { ...request, ...build(context.item) }
      },
      onResponse: (status, body, context) => onAnswer(status, body, context.item),
    },
  ]
}
