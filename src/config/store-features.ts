import { checkClickTrackingOptions } from "@aistore/medusa-click-tracking/options"
import type { EnvReader } from "./env-reader"
import { reportOptionProblems } from "./option-problems"

export interface StoreFeatures {
  /** The store's time zone for click statistics (days start at its midnight). */
  clicksTimeZone: string
  /** /store's publishable-key check from the store cache (STORE_KEY_CACHE=off keeps Medusa's own lookup). */
  publishableKeyCache: boolean
}

/** Click statistics' time zone and the store cache's key check. */
export function readStoreFeatures(reader: EnvReader): StoreFeatures {
  const { value, problems } = reader
  const clicksTimeZone = value("CLICKS_TIME_ZONE") ?? "Europe/Moscow"
  // The click-tracking plugin judges its own time zone.
  const { problems: clickProblems } = checkClickTrackingOptions({ timeZone: clicksTimeZone })
  reportOptionProblems(reader, clickProblems, { timeZone: "CLICKS_TIME_ZONE" }, { plugin: "Click tracking" })
  const keyCache = value("STORE_KEY_CACHE") ?? "on"
  if (keyCache !== "on" && keyCache !== "off") {
    problems.push(`STORE_KEY_CACHE must be "on" or "off", got "${keyCache}"`)
  }
  return { clicksTimeZone, publishableKeyCache: keyCache !== "off" }
}
