import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { MemoryWindowCounter } from "./memory-window-counter"
import { RedisWindowCounter } from "./redis-window-counter"
import type { WindowCounter, WindowLimit } from "./window-counter"

let counter: WindowCounter | undefined

/**
 * The process's counter, made on first use: in Redis when the app has one (`projectConfig.redisUrl`,
 * set from REDIS_URL), so the limit holds across replicas; in memory otherwise.
 */
export function counterForApp(container: MedusaContainer, limit: WindowLimit): WindowCounter {
  if (!counter) {
    const { redisUrl } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    counter = redisUrl
      ? // A slow or absent Redis must not hold up ingest: commands give up quickly.
        new RedisWindowCounter(new Redis(redisUrl, { commandTimeout: 500, maxRetriesPerRequest: 1 }), limit)
      : new MemoryWindowCounter(limit)
  }
  return counter
}
