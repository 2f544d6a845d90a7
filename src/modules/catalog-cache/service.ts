import { randomUUID } from "crypto"
import type { ICacheService, IEventBusModuleService, Logger, Message } from "@medusajs/framework/types"
import { isCatalogEvent } from "../../catalog/catalog-events"

type Dependencies = { cache: ICacheService; event_bus: IEventBusModuleService; logger: Logger }

/** A built value and, when it is only right until a known moment (a price list's start or end), that moment. */
export type Built<T> = { value: T; validUntil?: number }

type Entry = { value: unknown; validUntil: number }

/** The shared generation: every process compares it on each read, so an invalidation anywhere is seen everywhere. */
const VERSION_KEY = "aistore:catalog:version"
/** The cache module wants a lifetime; when the key lapses a new generation simply starts (one rebuild). */
const VERSION_TTL_SECONDS = 24 * 60 * 60

/**
 * The catalogue's cache: values built once per generation and kept in this process; the
 * generation lives in Medusa's cache module (Redis with REDIS_URL, so replicas and the worker
 * share it). Catalogue events start a new generation, in the process that emits them (an
 * event bus interceptor, before the admin's response is written) and in the worker (the
 * catalog-invalidate subscriber). Concurrent misses of one key share one build.
 */
export default class CatalogCacheService {
  private readonly cache: ICacheService
  private readonly eventBus: IEventBusModuleService
  private readonly logger: Logger
  private generation: string | undefined
  private entries = new Map<string, Entry>()
  private readonly flights = new Map<string, Promise<unknown>>()
  private readonly buildCounts = new Map<string, number>()

  readonly __hooks = { onApplicationStart: async () => this.watchEvents() }

  constructor({ cache, event_bus, logger }: Dependencies) {
    this.cache = cache
    this.eventBus = event_bus
    this.logger = logger
  }

  /** A view of the current generation: read it once per request, then take values from it. */
  async view(): Promise<CatalogCacheView> {
    const generation = await this.currentGeneration()
    if (generation !== this.generation) {
      this.generation = generation
      this.entries = new Map()
    }
    return new CatalogCacheView(this, generation)
  }

  /** Starts a new generation: what was built before is never served again. */
  async invalidate(): Promise<void> {
    this.entries = new Map()
    await this.cache.set(VERSION_KEY, randomUUID(), VERSION_TTL_SECONDS)
  }

  /** How many times values of a kind were built in this process (catalogue builds are the expensive part). */
  builds(kind: string): number {
    return this.buildCounts.get(kind) ?? 0
  }

  /** @internal used by {@link CatalogCacheView} */
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
    const shared = await this.cache.get<string>(VERSION_KEY)
    if (shared) {
      return shared
    }
    // None yet (first start, or lapsed): a new one, never equal to anything built before.
    const fresh = randomUUID()
    await this.cache.set(VERSION_KEY, fresh, VERSION_TTL_SECONDS)
    return fresh
  }

  /** Invalidates in the emitting process as soon as a catalogue event is released, so the next request anywhere reads fresh data. */
  private watchEvents(): void {
    const bus = this.eventBus as IEventBusModuleService & { addInterceptor?: (fn: (message: Message) => Promise<void>) => void }
    bus.addInterceptor?.(async (message) => {
      if (isCatalogEvent(message.name)) {
        await this.invalidate().catch((error) => this.logger.error(`Catalogue cache: invalidation failed: ${String(error)}`))
      }
    })
  }
}

/** One request's look at the cache: every value it takes comes from the same generation. */
export class CatalogCacheView {
  constructor(
    private readonly service: CatalogCacheService,
    private readonly generation: string
  ) {}

  get<T>(kind: string, key: string, build: () => Promise<Built<T>>): Promise<T> {
    return this.service.read(this.generation, kind, key, build)
  }
}
