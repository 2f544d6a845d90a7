/**
 * A request function for one backend: JSON bodies in, the answer's text out, and any
 * non-2xx answer thrown with its status and the start of its body.
 */
export function httpClient(baseUrl) {
  return async function request(method, path, { body, headers = {} } = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`)
    }
    return text
  }
}
