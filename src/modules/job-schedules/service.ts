/** The module's work is its loader (loaders/reschedule-on-redis-return.ts); Medusa asks every module for a service. */
export default class JobSchedulesService {}
