import { invalidRequest } from "./errors"

/**
 * Yookassa's idempotence (yookassa.ru/developers/using-api/interaction-format): every POST carries an
 * `Idempotence-Key` of at most 64 characters; a repeat with the same key and the same request within
 * 24 hours gets the original answer, and the same key with another request is refused.
 */

export type StoredAnswer = { status: number; body: unknown }

type Entry = StoredAnswer & { fingerprint: string; expiresAt: number }

const KEY_MAX_LENGTH = 64
const TTL_MS = 24 * 60 * 60 * 1000

export function requireIdempotenceKey(header: string | string[] | undefined): string {
  const key = Array.isArray(header) ? header[0] : header
  if (!key) {
    throw invalidRequest("Idempotence-Key header is required for POST requests", "Idempotence-Key")
  }
  if (key.length > KEY_MAX_LENGTH) {
    throw invalidRequest(
      "Idempotence key is too long. Send the value in accordance with the documentation",
      "Idempotence-Key"
    )
  }
  return key
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>()

  /** The stored answer for a repeat, undefined for a new key; throws when the key was used for another request. */
  replay(key: string, fingerprint: string): StoredAnswer | undefined {
    const entry = this.entries.get(key)
    if (!entry || entry.expiresAt <= Date.now()) {
      this.entries.delete(key)
      return undefined
    }
    if (entry.fingerprint !== fingerprint) {
      throw invalidRequest("Idempotence key duplicated", "Idempotence-Key")
    }
    return { status: entry.status, body: entry.body }
  }

  save(key: string, fingerprint: string, answer: StoredAnswer): void {
    const now = Date.now()
    // Forget expired keys as new ones arrive, so a long local run doesn't keep every answer.
    for (const [storedKey, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(storedKey)
      }
    }
    this.entries.set(key, { ...answer, fingerprint, expiresAt: now + TTL_MS })
  }
}

/** Method, path and body with sorted keys: the same request however its JSON was laid out. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return `${method} ${path} ${canonicalJson(body)}`
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`
  }
  return JSON.stringify(value)
}
