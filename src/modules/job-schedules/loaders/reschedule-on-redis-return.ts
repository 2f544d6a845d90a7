import { WorkflowManager } from "@medusajs/framework/orchestration"
import type { LoaderOptions } from "@medusajs/framework/types"
import Redis from "ioredis"

export type JobSchedulesOptions = {
  /** The Redis the workflow engine keeps the schedules in; none (a server process) leaves the module idle. */
  redisUrl?: string
}

type ScheduledWorkflow = { id: string; options: { schedule?: unknown } }

/**
 * Medusa keeps the schedule of every job (Yookassa reconciliation, the re-send of failed Telegram
 * messages…) only in Redis, as BullMQ repeatable jobs that the worker writes once, when it starts.
 * A Redis that comes back without its data leaves a running worker with no job scheduled ever
 * again, and nothing says so (found by integration-tests/topology/topology-drills.spec.ts). So the
 * worker watches Redis and, each time the connection is back, writes the schedules again: the same
 * keys, so a Redis that kept them is unchanged.
 */
export default async function rescheduleOnRedisReturn({ options, logger }: LoaderOptions<JobSchedulesOptions>) {
  if (!options?.redisUrl) {
    return
  }
  const redis = new Redis(options.redisUrl, { lazyConnect: true })
  let connectedBefore = false
  redis.on("ready", () => {
    if (connectedBefore) {
      void reschedule().then(
        (count) => logger?.info(`Redis is back: ${count} job schedules written again`),
        (error: Error) => logger?.error(`Redis is back, but the job schedules could not be written: ${error.message}`)
      )
    }
    connectedBefore = true
  })
  // ioredis reconnects by itself; the other Redis modules already log the outage.
  redis.on("error", () => undefined)
  await redis.connect()
}

async function reschedule(): Promise<number> {
  const scheduled = [...(WorkflowManager.getWorkflows() as Map<string, ScheduledWorkflow>).values()].filter(
    (workflow) => workflow.options.schedule
  )
  await Promise.all(scheduled.map((workflow) => WorkflowManager.scheduler.scheduleWorkflow(workflow)))
  return scheduled.length
}
