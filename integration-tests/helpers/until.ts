/**
 * Polls `probe` every `intervalMs` until it returns a value, or fails after `timeoutMs` (generous:
 * suites share the CPU).
 */
export async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 60_000,
  intervalMs = 100
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) {
      return value
    }
    await new Promise((wake) => setTimeout(wake, intervalMs))
  }
  throw new Error(`Timed out waiting for ${what}`)
}
