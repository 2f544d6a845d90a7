import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ipKeyGenerator, rateLimit, type Options } from "express-rate-limit"
import Redis from "ioredis"
import { RedisStore } from "rate-limit-redis"
import { readEnvironment } from "../../../config/environment"
import { clientAddress } from "../../client-address"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown
type Per = "customer" | "address"

/**
 * Every payment session calls a gateway (Yookassa's createPayment, Telegram's createInvoiceLink):
 * a flood of them would get the bot throttled, and with it pre-checkout answers and course
 * messages. Each signed-in customer and each client address may start so many per window
 * (PAYMENT_SESSIONS_*), counted in Redis when the app has one, so every replica shares them.
 * Over the limit: 429 with Retry-After, before anything reaches the gateway.
 */
export const limitPaymentSessionsPerCustomer = lazily((req) => {
  const customerOf = (request: unknown) => (request as AuthenticatedMedusaRequest).auth_context?.actor_id
  return limiter(req.scope, "customer", {
    skip: (request) => !customerOf(request),
    keyGenerator: (request) => customerOf(request)!,
  })
})

export const limitPaymentSessionsPerAddress = lazily((req) => {
  const trust = readEnvironment()
  return limiter(req.scope, "address", {
    // A whole IPv6 /56 is one client: a phone gets many addresses from its carrier's block.
    keyGenerator: (request) => ipKeyGenerator(clientAddress(request, trust), 56),
  })
})

/** Built on the first request: the limits come from the environment, the store from the app's Redis. */
function lazily(build: (req: MedusaRequest) => Middleware | undefined): Middleware {
  let middleware: Middleware | undefined
  return (req, res, next) => {
    middleware ??= build(req) ?? ((_req, _res, pass) => pass())
    return middleware(req, res, next)
  }
}

function limiter(container: MedusaContainer, per: Per, options: Pick<Partial<Options>, "skip" | "keyGenerator">) {
  const { perCustomer, perAddress, windowSeconds } = readEnvironment().paymentSessionLimit
  const allowed = per === "customer" ? perCustomer : perAddress
  if (!allowed) {
    return undefined
  }
  return rateLimit({
    ...options,
    windowMs: windowSeconds * 1000,
    limit: allowed,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    // Our keys are a customer id, or an address worked out by clientAddress, not req.ip.
    validate: { trustProxy: false, xForwardedForHeader: false, keyGeneratorIpFallback: false },
    // Redis away: shoppers may still pay (each session still needs a token and a cart).
    passOnStoreError: true,
    store: redisStore(container, per),
    handler: (_request, response, _next, used) => {
      response.status(used.statusCode).json({
        type: "too_many_requests",
        message: `Too many payments started: at most ${allowed} per ${windowSeconds} s per ${per}; retry in ${String(response.getHeader("Retry-After"))} s`,
      })
    },
  }) as unknown as Middleware
}

function redisStore(container: MedusaContainer, per: Per): RedisStore | undefined {
  const { redisUrl } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  if (!redisUrl) {
    return undefined // express-rate-limit's memory store: one process, as local mode is
  }
  // A slow or absent Redis must not hold up checkout: commands give up quickly.
  const redis = new Redis(redisUrl, { commandTimeout: 500, maxRetriesPerRequest: 1 })
  return new RetryingRedisStore({
    prefix: `payment-sessions:${per}:`,
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<number>,
  })
}

/**
 * rate-limit-redis loads its script once, when the limiter is made: had Redis been away then, every
 * later count would fail (and be let through) until a restart. Here a failed count loads it again.
 */
class RetryingRedisStore extends RedisStore {
  override async increment(key: string) {
    try {
      return await super.increment(key)
    } catch (error) {
      const reloaded = this.loadIncrementScript()
      reloaded.catch(() => undefined) // awaited by the next count; Redis may still be away
      this.incrementScriptSha = reloaded
      throw error
    }
  }
}
