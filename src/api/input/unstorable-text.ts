/**
 * Characters PostgreSQL cannot store: NUL (refused in `text` and `jsonb`) and UTF-16 halves without
 * their pair (JSON.stringify writes them as `\udXXX` escapes, which `jsonb` refuses; in `text` they
 * would silently become U+FFFD). A request carrying one would fail deep in a query with a 500.
 */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text)
}

/** How deep a parsed body or query is walked; deeper input is refused rather than walked forever. */
const MAX_DEPTH = 32

/**
 * The first place in a parsed value (JSON body, query object) where a string or a key holds an
 * unstorable character, as a path such as `events.0.details.note`; `undefined` when there is none.
 */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === "string") {
    return hasUnstorableText(value) ? path.join(".") || "(value)" : undefined
  }
  if (!value || typeof value !== "object") {
    return undefined
  }
  if (depth > MAX_DEPTH) {
    return path.join(".")
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, hasUnstorableText(key) ? JSON.stringify(key) : key]
    if (hasUnstorableText(key)) {
      return childPath.join(".")
    }
    const found = findUnstorableText(child, childPath, depth + 1)
    if (found !== undefined) {
      return found
    }
  }
  return undefined
}
