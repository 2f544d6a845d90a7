import { invalidRequest } from "./errors"

/**
 * Yookassa's object lists (yookassa.ru/developers/using-api/lists): newest first, `limit` 1–100
 * (default 10), `created_at.gte|gt|lte|lt` filters, and `next_cursor` while more items remain.
 */

export type ListPage<T> = { type: "list"; items: T[]; next_cursor?: string }

type Listable = { id: string; created_at: string }

const DEFAULT_LIMIT = 10
const MAX_LIMIT = 100
const DATE_FILTERS = {
  "created_at.gte": (created: number, bound: number) => created >= bound,
  "created_at.gt": (created: number, bound: number) => created > bound,
  "created_at.lte": (created: number, bound: number) => created <= bound,
  "created_at.lt": (created: number, bound: number) => created < bound,
} as const

/** `items` in creation order; `extra` filters by other query parameters (status, payment_id). */
export function listPage<T extends Listable>(
  items: T[],
  query: URLSearchParams,
  extra: (item: T) => boolean = () => true
): ListPage<T> {
  const limit = parseLimit(query.get("limit"))
  const dateChecks = Object.entries(DATE_FILTERS).flatMap(([name, compare]) => {
    const raw = query.get(name)
    if (raw === null) {
      return []
    }
    const bound = Date.parse(raw)
    if (Number.isNaN(bound)) {
      throw invalidRequest(`${name} must be a date and time in ISO 8601`, name)
    }
    return [(item: T) => compare(Date.parse(item.created_at), bound)]
  })
  const matching = [...items].reverse().filter((item) => extra(item) && dateChecks.every((check) => check(item)))

  // The cursor is the id of the last item of the previous page: opaque to the caller, as documented.
  const cursor = query.get("cursor")
  let start = 0
  if (cursor !== null) {
    const index = matching.findIndex((item) => item.id === cursor)
    if (index < 0) {
      throw invalidRequest("cursor is not a next_cursor of this list", "cursor")
    }
    start = index + 1
  }
  const page = matching.slice(start, start + limit)
  const more = start + limit < matching.length
  return { type: "list", items: page, ...(more ? { next_cursor: page[page.length - 1].id } : {}) }
}

function parseLimit(raw: string | null): number {
  if (raw === null) {
    return DEFAULT_LIMIT
  }
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalidRequest(`limit must be an integer from 1 to ${MAX_LIMIT}`, "limit")
  }
  return limit
}
