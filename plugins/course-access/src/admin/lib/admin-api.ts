/**
 * JSON calls to this store's own admin routes, with the admin's session cookie (the dashboard
 * is served by the same backend). A non-2xx answer throws an Error carrying the route's message.
 */
export async function adminApi<T>(path: string, init: { method?: "GET" | "POST"; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    credentials: "include",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const payload = (await response.json().catch(() => ({}))) as { message?: string }
  if (!response.ok) {
    throw new Error(payload.message ?? `Request failed (${response.status})`)
  }
  return payload as T
}
