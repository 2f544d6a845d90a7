import type Redis from "ioredis"
import { currentWindow, type Admission, type WindowCounter, type WindowLimit } from "./window-counter"

/** Check and take in one atomic step, so replicas sharing the Redis share each budget exactly. */
const TAKE_SCRIPT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local amount = tonumber(ARGV[1])
if used + amount > tonumber(ARGV[2]) then
  return 0
end
redis.call('INCRBY', KEYS[1], amount)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`

/** Budgets in Redis: the limit holds across every server replica that shares it. */
export class RedisWindowCounter implements WindowCounter {
  constructor(
    private readonly redis: Redis,
    private readonly limit: WindowLimit,
    private readonly prefix = "click-tracking:rate:"
  ) {}

  async take(key: string, amount: number): Promise<Admission> {
    const { index, windowMs, retryAfterSeconds } = currentWindow(this.limit)
    const taken = await this.redis.eval(
      TAKE_SCRIPT,
      1,
      `${this.prefix}${key}:${index}`,
      amount,
      this.limit.events,
      windowMs
    )
    return taken === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds }
  }
}
