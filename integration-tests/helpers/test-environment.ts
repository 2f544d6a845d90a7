/**
 * Sets environment variables for one test file. Medusa's test runner reads the app's
 * configuration before it applies its own `env` option, so they are set at import, and
 * restored once the file is done.
 */
export function useEnvironment(variables: Record<string, string>): void {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]))
  Object.assign(process.env, variables)
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name]
      } else {
        process.env[name] = value
      }
    }
  })
}

/** A port of its own for each jest worker, from a base that each test file picks. */
export const workerPort = (basePort: number) => basePort + Number(process.env.JEST_WORKER_ID ?? 1)
