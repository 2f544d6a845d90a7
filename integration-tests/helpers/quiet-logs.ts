/**
 * Import first in a spec that drives thousands of requests: Medusa's logger reads LOG_LEVEL when
 * it is loaded, and jest buffering every info line costs more than the requests themselves.
 */
const saved = process.env.LOG_LEVEL
process.env.LOG_LEVEL = "warn"
afterAll(() => {
  if (saved === undefined) {
    delete process.env.LOG_LEVEL
  } else {
    process.env.LOG_LEVEL = saved
  }
})
