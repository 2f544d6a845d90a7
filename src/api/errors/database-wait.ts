import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * How long a request waits for a database connection before it fails (and is answered 503 by
 * error-handler.ts). Medusa's pool waits knex's 60 s while PostgreSQL cannot be reached (it retries
 * the connection instead of failing the request), and Medusa's config does not expose the setting.
 */
export const DATABASE_WAIT_MS = 10_000

type Pool = { acquireTimeoutMillis?: number }
let applied = false

/**
 * Lowers the shared pool's wait once, on the first request (the pool reads it at each acquire).
 * A request during an outage then fails within seconds instead of hanging for a minute.
 */
export function shortDatabaseWait(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!applied) {
    applied = true
    const connection = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }) as
      { client?: { pool?: Pool } } | undefined
    const pool = connection?.client?.pool
    if (pool && typeof pool.acquireTimeoutMillis === "number") {
      pool.acquireTimeoutMillis = Math.min(pool.acquireTimeoutMillis, DATABASE_WAIT_MS)
    }
  }
  next()
}
