/**
 * Escapes a user-supplied string for Telegram's HTML parse mode.
 *
 * Telegram requires `<`, `>` and `&` outside tags and entities to be written as
 * `&lt;`, `&gt;` and `&amp;`; `"` becomes `&quot;` so the result is also safe inside
 * a double-quoted attribute such as `<a href="...">`. Only these four named
 * entities (and numeric ones) are understood by the Bot API, so nothing else is escaped.
 *
 * Escape every value that comes from a shopper, a product or an order (names,
 * titles, usernames) before it is put between tags.
 */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value)
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char])
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
}
