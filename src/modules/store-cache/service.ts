import { randomUUID } from "crypto"
import type { ICacheService, IEventBusModuleService, Logger, Message } from "@medusajs/framework/types"
import { isStoreCacheEvent } from "./events"

type Dependencies = { cache: ICacheService; event_bus: IEventBusModuleService; logger: Logger }

/** A built value and, when it is only right until a known moment (a price list's start or end), that moment. */
export type Built<T> = { value: T; validUntil?: number }

type Entry = { value: unknown; validUntil: number }

/** The shared generation: every process compares it on each read, so an invalidation anywhere is seen everywhere. */
const GENERATION_KEY = "aistore:store-cache:generation"
/** The cache module wants a lifetime; when the key lapses a new generation simply starts (one rebuild). */
const GENERATION_TTL_SECONDS = 24 * 60 * 60

/**
 * What the store serves over and over (the catalogue, publishable keys' sales channels), built
 * once per generation and kept in this process. The generation lives in Medusa's cache module
 * (Redis with REDIS_URL, so replicas and the worker share it). Store events start a new
 * generation, in the process that emits them (an event bus interceptor, before the admin's
 * answer is written) and wherever subscribers run (store-cache-invalidate). Concurrent misses
 * of one key share one build.
 */
export default class StoreCacheService {
  private readonly cache: ICacheService
  private readonly eventBus: IEventBusModuleService
  private readonly logger: Logger
  private generation: string | undefined
  private entries = new Map<string, Entry>()
  private readonly flights = new Map<string, Promise<unknown>>()
  private readonly buildCounts = new Map<string, number>()
  private readonly views = new WeakMap<object, Promise<StoreCacheView>>()

  readonly __hooks = { onApplicationStart: async () => this.watchEvents() }

  constructor({ cache, event_bus, logger }: Dependencies) {
    this.cache = cache
    this.eventBus = event_bus
    this.logger = logger
  }

  /** The current generation's view, read once per request (the object) however many values it takes. */
  viewFor(request: object): Promise<StoreCacheView> {
    let view = this.views.get(request)
    if (!view) {
      view = this.view()
      this.views.set(request, view)
    }
    return view
  }

  async view(): Promise<StoreCacheView> {
    const generation = await this.currentGeneration()
    if (generation !== this.generation) {
      this.generation = generation
      this.entries = new Map()
    }
    return new StoreCacheView(this, generation)
  }

  /** Starts a new generation: what was built before is never served again. */
  async invalidate(): Promise<void> {
    this.entries = new Map()
    await this.cache.set(GENERATION_KEY, randomUUID(), GENERATION_TTL_SECONDS)
  }

  /** How many times values of a kind were built in this process. */
  builds(kind: string): number {
    return this.buildCounts.get(kind) ?? 0
  }

  /** @internal used by {@link StoreCacheView} */
  async read<T>(generation: string, kind: string, key: string, build: () => Promise<Built<T>>): Promise<T> {
    const entryKey = `${kind}\n${key}`
    const entry = this.generation === generation ? this.entries.get(entryKey) : undefined
    if (entry && entry.validUntil > Date.now()) {
      return entry.value as T
    }
    const flightKey = `${generation}\n${entryKey}`
    let flight = this.flights.get(flightKey) as Promise<T> | undefined
    if (!flight) {
      this.buildCounts.set(kind, this.builds(kind) + 1)
      flight = build()
        .then(({ value, validUntil = Infinity }) => {
          if (this.generation === generation) {
            this.entries.set(entryKey, { value, validUntil })
          }
          return value
        })
        .finally(() => this.flights.delete(flightKey))
      this.flights.set(flightKey, flight)
    }
    return flight
  }

  private async currentGeneration(): Promise<string> {
    const shared = await this.cache.get<string>(GENERATION_KEY)
    if (shared) {
      return shared
    }
    // None yet (first start, or lapsed): a new one, never equal to anything built before.
    const fresh = randomUUID()
    await this.cache.set(GENERATION_KEY, fresh, GENERATION_TTL_SECONDS)
    return fresh
  }

  /** Invalidates in the emitting process as soon as a store event is released, so the next request anywhere reads fresh data. */
  private watchEvents(): void {
    const bus = this.eventBus as IEventBusModuleService & {
      addInterceptor?: (fn: (message: Message) => Promise<void>) => void
    }
    bus.addInterceptor?.(async (message) => {
      if (isStoreCacheEvent(message.name)) {
        await this.invalidate().catch((error) =>
          this.logger.error(`Store cache: invalidation failed: ${String(error)}`)
        )
      }
    })
  }
}

/** One request's look at the cache: every value it takes comes from the same generation. */
export class StoreCacheView {
  constructor(
    private readonly service: StoreCacheService,
    private readonly generation: string
  ) {}

  /** The value of `kind`/`key` in this generation, built once (values a client can vary must be bounded). */
  get<T>(kind: string, key: string, build: () => Promise<Built<T>>): Promise<T> {
    return this.service.read(this.generation, kind, key, build)
  }
}
