import { watchRedis, type RedisWatch } from "../../src/api/errors/redis-outage"
import { startRedisServer, type RedisServer } from "../helpers/redis-server"
import { workerPort } from "../helpers/test-environment"
import { until } from "../helpers/until"

/** The watch behind the store's immediate 503 while Redis is away, against a real redis-server stopped and started. */
describe("watchRedis", () => {
  let redis: RedisServer
  let watch: RedisWatch

  beforeAll(async () => {
    redis = await startRedisServer(workerPort(6395))
    watch = watchRedis(redis.url)
  })

  afterAll(async () => {
    watch?.close()
    await redis?.stop()
  })

  it("is away while Redis is stopped, and back once Redis returns", async () => {
    expect(watch.isAway()).toBe(false)

    await redis.stop()
    await until(() => (watch.isAway() ? true : undefined), "the watch to see Redis gone", 10_000)

    await redis.start()
    await until(() => (watch.isAway() ? undefined : true), "the watch to see Redis back", 10_000)
  })
})
