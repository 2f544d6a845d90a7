/**
 * The shopper's customer token. Sign-in is invisible: the launch's initData goes to the backend
 * once (`POST /auth/customer/telegram`), the token is kept for the session, and it is renewed
 * from initData when it is about to expire or a request answers 401. Concurrent callers share
 * one login request.
 */
export interface TokenStore {
  read(): string | null
  write(token: string | null): void
}

export class UnauthorizedError extends Error {
  constructor(message = "Unauthorized") {
    super(message)
    this.name = "UnauthorizedError"
  }
}

/** Renew this long before the token's `exp`, so a request never leaves with a token about to die. */
const EXPIRY_MARGIN_MS = 60_000

/** A JWT's payload (base64url JSON), or undefined when the token is not a JWT. */
function tokenPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1]
  if (!payload) return undefined
  try {
    const base64 = payload
      .replace(/-/g, "+")
      .replace(/_/g, "/")
      .padEnd(Math.ceil(payload.length / 4) * 4, "=")
    const parsed: unknown = JSON.parse(atob(base64))
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The `exp` of a JWT in milliseconds, or undefined when the token has none or is not a JWT. */
export function tokenExpiry(token: string): number | undefined {
  const exp = tokenPayload(token)?.exp
  return typeof exp === "number" ? exp * 1000 : undefined
}

/** The customer id (`actor_id`) a token was issued to. */
export function tokenActor(token: string): string | undefined {
  const actor = tokenPayload(token)?.actor_id
  return typeof actor === "string" && actor ? actor : undefined
}

export class CustomerSession {
  private pending: Promise<string> | undefined

  constructor(
    private readonly login: () => Promise<string>,
    private readonly store: TokenStore,
    private readonly now: () => number = Date.now
  ) {}

  /** A token that is valid for at least another minute: the kept one, or a fresh login. */
  token(): Promise<string> {
    const kept = this.store.read()
    if (kept && this.fresh(kept)) return Promise.resolve(kept)
    return this.renew()
  }

  /** Signs in again from initData; callers arriving meanwhile wait for the same request. */
  renew(): Promise<string> {
    this.pending ??= this.login().then(
      (token) => {
        this.store.write(token)
        this.pending = undefined
        return token
      },
      (error: unknown) => {
        this.pending = undefined
        throw error
      }
    )
    return this.pending
  }

  /** Runs `request` with a token; on a 401 renews the token once and runs it again. */
  async authorized<T>(request: (token: string) => Promise<T>, isUnauthorized: (error: unknown) => boolean): Promise<T> {
    const token = await this.token()
    try {
      return await request(token)
    } catch (error) {
      if (!isUnauthorized(error)) throw error
      // Another caller may already have renewed it.
      const current = this.store.read()
      return request(current && current !== token && this.fresh(current) ? current : await this.renew())
    }
  }

  private fresh(token: string): boolean {
    const expiry = tokenExpiry(token)
    return expiry === undefined || expiry - EXPIRY_MARGIN_MS > this.now()
  }
}
