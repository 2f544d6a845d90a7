import { CustomerSession, tokenActor, tokenExpiry, type TokenStore } from "../api/customer-session"

const NOW = Date.parse("2026-11-30T12:00:00Z")
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url")
const jwt = (payload: object) => `${base64url({ alg: "HS256" })}.${base64url(payload)}.signature`
const tokenValidFor = (seconds: number, actor = "cus_1") =>
  jwt({ actor_id: actor, exp: Math.floor(NOW / 1000) + seconds })

function memoryStore(initial: string | null = null): TokenStore & { value: string | null } {
  const store = {
    value: initial,
    read: () => store.value,
    write: (token: string | null) => {
      store.value = token
    },
  }
  return store
}

class Unauthorized extends Error {}
const isUnauthorized = (error: unknown) => error instanceof Unauthorized

describe("tokens", () => {
  it("reads the expiry and the customer of a JWT", () => {
    expect(tokenExpiry(tokenValidFor(60))).toBe(NOW + 60_000)
    expect(tokenActor(tokenValidFor(60, "cus_42"))).toBe("cus_42")
    expect(tokenExpiry("not-a-jwt")).toBeUndefined()
    expect(tokenExpiry("a.!!!.c")).toBeUndefined()
  })
})

describe("CustomerSession", () => {
  it("signs in once from initData and keeps the token for the session", async () => {
    const login = jest.fn(async () => tokenValidFor(3600))
    const store = memoryStore()
    const session = new CustomerSession(login, store, () => NOW)
    const [a, b] = await Promise.all([session.token(), session.token()])
    expect(a).toBe(b)
    expect(await session.token()).toBe(a)
    expect(login).toHaveBeenCalledTimes(1)
    expect(store.value).toBe(a)
  })

  it("renews a token that expires within a minute, before using it", async () => {
    const fresh = tokenValidFor(3600, "cus_new")
    const login = jest.fn(async () => fresh)
    const session = new CustomerSession(login, memoryStore(tokenValidFor(30)), () => NOW)
    expect(await session.token()).toBe(fresh)
    expect(login).toHaveBeenCalledTimes(1)
  })

  it("on a 401 renews the token once and repeats the request; concurrent requests share the renewal", async () => {
    const stale = tokenValidFor(3600, "cus_stale")
    const fresh = tokenValidFor(3600, "cus_fresh")
    const login = jest.fn(async () => fresh)
    const session = new CustomerSession(login, memoryStore(stale), () => NOW)
    const request = jest.fn(async (token: string) => {
      if (token === stale) throw new Unauthorized()
      return token
    })
    const results = await Promise.all([
      session.authorized(request, isUnauthorized),
      session.authorized(request, isUnauthorized),
    ])
    expect(results).toEqual([fresh, fresh])
    expect(login).toHaveBeenCalledTimes(1)
  })

  it("gives up after one renewal and passes other errors through untouched", async () => {
    const session = new CustomerSession(
      async () => tokenValidFor(3600),
      memoryStore(),
      () => NOW
    )
    await expect(
      session.authorized(async () => Promise.reject(new Unauthorized()), isUnauthorized)
    ).rejects.toBeInstanceOf(Unauthorized)
    const failure = new Error("500")
    await expect(session.authorized(async () => Promise.reject(failure), isUnauthorized)).rejects.toBe(failure)
  })

  it("forgets a failed login, so the next call tries again", async () => {
    const login = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValueOnce(tokenValidFor(3600))
    const session = new CustomerSession(login, memoryStore(), () => NOW)
    await expect(session.token()).rejects.toThrow("offline")
    await expect(session.token()).resolves.toContain(".")
    expect(login).toHaveBeenCalledTimes(2)
  })
})
