import { Module } from "@medusajs/framework/utils"
import rescheduleOnRedisReturn from "./loaders/reschedule-on-redis-return"
import JobSchedulesService from "./service"

export const JOB_SCHEDULES_MODULE = "job_schedules"

export default Module(JOB_SCHEDULES_MODULE, { service: JobSchedulesService, loaders: [rescheduleOnRedisReturn] })
export type { JobSchedulesOptions } from "./loaders/reschedule-on-redis-return"
