import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { answerUnavailable } from "./error-handler"

/**
 * Medusa's event bus and workflow engine queue their Redis commands while Redis is away
 * (ioredis's offline queue, no retry limit), so a request begun during an outage hangs until Redis
 * returns, past nginx's 60 s and the shopper's patience. This process watches Redis on a connection
 * of its own; while it is known to be away, a request is answered 503 with Retry-After at once,
 * as one is while the database is away. Requests already running when Redis went wait for it.
 */
export type RedisWatch = { isAway(): boolean; close(): void }

/** Reconnects at least once a second: the gate opens within a second of Redis's return. */
const RECONNECT_CEILING_MS = 1000

export function watchRedis(redisUrl: string): RedisWatch {
  let away = false
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 100, RECONNECT_CEILING_MS),
  })
  redis.on("ready", () => (away = false))
  redis.on("close", () => (away = true))
  // Each failed reconnection says so: the watch only needs the state, and logging would flood.
  redis.on("error", () => undefined)
  return { isAway: () => away, close: () => redis.disconnect() }
}

let watch: RedisWatch | null | undefined

/**
 * Without REDIS_URL (local mode) nothing of the store lives in Redis, and nothing is watched.
 * /health still answers: it says the process is alive, and Redis's outage is not the process's.
 */
export function refuseWhileRedisAway(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.path === "/health") {
    return next()
  }
  if (watch === undefined) {
    const { redisUrl } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    watch = redisUrl ? watchRedis(redisUrl) : null
  }
  if (!watch?.isAway()) {
    return next()
  }
  answerUnavailable(res)
}
