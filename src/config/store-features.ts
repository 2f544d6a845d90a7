import type { EnvReader } from "./env-reader"

export interface StoreFeatures {
  /** The store's time zone for click statistics (days start at its midnight). */
  clicksTimeZone: string
  /** /store's publishable-key check from the store cache (STORE_KEY_CACHE=off keeps Medusa's own lookup). */
  publishableKeyCache: boolean
}

/** An IANA zone name this runtime (and so PostgreSQL's AT TIME ZONE, which knows the same) understands. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name })
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)
  } catch {
    return false
  }
}

/** Click statistics' time zone and the store cache's key check. */
export function readStoreFeatures({ value, problems }: EnvReader): StoreFeatures {
  const clicksTimeZone = value("CLICKS_TIME_ZONE") ?? "Europe/Moscow"
  if (!isTimeZone(clicksTimeZone)) {
    problems.push(`CLICKS_TIME_ZONE must be an IANA time zone such as Europe/Moscow, got "${clicksTimeZone}"`)
  }
  const keyCache = value("STORE_KEY_CACHE") ?? "on"
  if (keyCache !== "on" && keyCache !== "off") {
    problems.push(`STORE_KEY_CACHE must be "on" or "off", got "${keyCache}"`)
  }
  return { clicksTimeZone, publishableKeyCache: keyCache !== "off" }
}
