import fc from "fast-check"
import { hostileKey, hostileUrlPart, hostileValue, percentEncode } from "./hostile-values"
import { type Credential, type Fixtures, type FuzzRoute, otherParam, ownParam } from "./routes"

/** What one generated request is, and what it changed from the valid one. */
export type HostileRequest = {
  method: string
  path: string
  credential: Credential | "missing" | "other shopper" | "garbage"
  contentType: string | undefined
  body: string | undefined
  /**
   * The requests that may mint a token (one with the customer as its actor): `POST /auth/customer/telegram`
   * with the shopper's initData (Express matches paths regardless of case and a trailing slash, so
   * those spellings reach the same route), and a refresh of a shopper's own token.
   */
  mayMintToken: boolean
}

const PARAM = /^:(\w+)$/

/** The route's path with each `:param` the shopper's own id, someone else's, or hostile text; the letters spelled as chosen. */
function pathOf(route: FuzzRoute, fixtures: Fixtures): fc.Arbitrary<string> {
  const segments = route.path.split("/").slice(1)
  const segment = (text: string) => {
    const param = PARAM.exec(text)?.[1]
    if (!param) {
      return fc.constant({ text, static: true })
    }
    const choices = [ownParam(param, fixtures), otherParam(param, fixtures)].filter((value) => value !== undefined)
    return fc
      .oneof(
        { weight: 2, arbitrary: fc.constantFrom(...choices) },
        { weight: 3, arbitrary: hostileUrlPart },
        // Another spelling of the same value: percent-encoded letters, other case.
        fc.constant(percentEncode(ownParam(param, fixtures))),
        fc.constant(ownParam(param, fixtures).toUpperCase())
      )
      .map((value) => ({ text: value, static: false }))
  }
  return fc
    .tuple(
      fc.tuple(...segments.map(segment)),
      fc.constantFrom("as written", "as written", "as written", "upper case", "double slash", "trailing slash")
    )
    .map(([parts, spelling]) => {
      const texts = parts.map((part) =>
        spelling === "upper case" && part.static ? part.text.toUpperCase() : part.text
      )
      const joined = spelling === "double slash" ? `/${texts.join("//")}` : `/${texts.join("/")}`
      return spelling === "trailing slash" ? `${joined}/` : joined
    })
}

/** The route's query with its own values, some replaced or joined by hostile keys and values. */
function queryOf(route: FuzzRoute, fixtures: Fixtures): fc.Arbitrary<string> {
  const base = Object.entries(route.query ?? {}).map(([key, value]) => [
    key,
    value.replace(PARAM, (_, name) => ownParam(name, fixtures)),
  ])
  const encodedKey = hostileKey.map((key) => percentEncode(key))
  return fc
    .tuple(
      fc.array(fc.oneof(hostileUrlPart, fc.constantFrom(...base.map(([, value]) => value), "")), {
        minLength: base.length,
        maxLength: base.length,
      }),
      fc.array(
        fc.oneof(
          fc.tuple(encodedKey, hostileUrlPart).map(([key, value]) => `${key}=${value}`),
          fc.tuple(encodedKey, hostileUrlPart).map(([key, value]) => `filter[${key}]=${value}`),
          fc.constantFrom(
            "__proto__[admin]=1",
            "constructor[prototype][x]=1",
            "limit=-1",
            "limit=1e9",
            "offset=99999999999999999999",
            "fields=*",
            "fields=%2Bcustomer.*",
            "a[][][][][][]=1",
            "=",
            "&&"
          )
        ),
        { maxLength: 2 }
      ),
      fc.boolean()
    )
    .map(([values, extra, replace]) => {
      const pairs = base.map(([key, value], index) => `${key}=${replace ? values[index] : encodeURIComponent(value)}`)
      const all = [...pairs, ...extra]
      return all.length ? `?${all.join("&")}` : ""
    })
}

/** Every path to a leaf of a JSON value, a few levels deep. */
function leavesOf(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (!value || typeof value !== "object" || depth > 3) {
    return [path]
  }
  const entries = Object.entries(value)
  return entries.length ? entries.flatMap(([key, child]) => leavesOf(child, [...path, key], depth + 1)) : [path]
}

function replacedAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) {
    return replacement
  }
  const copy: any = structuredClone(value)
  let target = copy
  for (const key of path.slice(0, -1)) {
    target = target[key]
  }
  target[path[path.length - 1]] = replacement
  return copy
}

/** The route's valid body, with a field of the wrong type or value, an unknown or prototype key, or no JSON at all. */
function bodyOf(route: FuzzRoute, fixtures: Fixtures): fc.Arbitrary<string | undefined> {
  if (!route.body) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      hostileValue.map((value) => JSON.stringify(value))
    )
  }
  const base = route.body(fixtures)
  const baseJson = JSON.stringify(base)
  const leaves = leavesOf(base)
  const withKeyAdded = ([key, value]: [string, unknown]) =>
    baseJson.startsWith("{") && baseJson !== "{}"
      ? `{${JSON.stringify(key)}:${JSON.stringify(value)},${baseJson.slice(1)}`
      : `{${JSON.stringify(key)}:${JSON.stringify(value)}}`
  const firstKey = typeof base === "object" && base ? Object.keys(base)[0] : undefined
  return fc.oneof(
    fc.constant(baseJson),
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...leaves), hostileValue)
        .map(([leaf, value]) => JSON.stringify(replacedAt(base, leaf, value))),
    },
    { weight: 2, arbitrary: fc.tuple(hostileKey, hostileValue).map(withKeyAdded) },
    hostileValue.map((value) => JSON.stringify(value)),
    fc.constantFrom(
      "{",
      "[1,",
      '{"a":',
      "nul",
      "\u0000",
      '{"a":"\\u0000"}',
      '{"a":"\\ud800"}',
      '{"__proto__":{"isAdmin":true}}',
      `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
      firstKey ? `{${JSON.stringify(firstKey)}:1,${baseJson.slice(1)}` : '{"a":1,"a":2}'
    )
  )
}

/** One request a hostile client could send to the route. */
export function hostileRequestTo(route: FuzzRoute, fixtures: Fixtures): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      path: pathOf(route, fixtures),
      query: queryOf(route, fixtures),
      body: bodyOf(route, fixtures),
      contentType: fc.constantFrom<string | undefined>(
        "application/json",
        "application/json",
        "application/json",
        "application/json; charset=utf-16",
        "text/plain",
        "application/x-www-form-urlencoded",
        undefined
      ),
      credential: fc.constantFrom<HostileRequest["credential"]>(
        route.credential,
        route.credential,
        route.credential,
        "missing",
        "other shopper",
        "garbage"
      ),
    })
    .map(({ path, query, body, contentType, credential }) => ({
      method: route.method,
      path: `${path}${query}`,
      credential,
      contentType: body === undefined ? undefined : contentType,
      body,
      mayMintToken:
        route.method === "POST" &&
        ((/^\/auth\/customer\/telegram\/?$/i.test(path) && credential === "initData") ||
          (/^\/auth\/token\/refresh\/?$/i.test(path) && (credential === "customer" || credential === "other shopper"))),
    }))
}
