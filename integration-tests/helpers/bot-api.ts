// From source: CI type-checks before the plugins are built.
import { start, type BotApiDouble } from "../../plugins/telegram/src/testing/bot-api-double"

export const ADMIN_CHAT_ID = "-1001234567890"

/**
 * Points the app at a Bot API double for one test file. The runner reads the app's
 * configuration before it applies its `env` option, so the variables are set at import
 * (on a port fixed per jest worker) and restored after the file.
 */
export function useBotApiDouble(basePort: number): { api: () => BotApiDouble } {
  const port = basePort + Number(process.env.JEST_WORKER_ID ?? 1)
  const variables = { TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, TELEGRAM_ADMIN_CHAT_ID: ADMIN_CHAT_ID }
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]))
  Object.assign(process.env, variables)

  let double: BotApiDouble | undefined
  beforeAll(async () => {
    double = await start({ port })
  })
  afterAll(async () => {
    await double?.stop()
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name]
      } else {
        process.env[name] = value
      }
    }
  })
  return {
    api: () => {
      if (!double) {
        throw new Error("The Bot API double is not running yet")
      }
      return double
    },
  }
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) {
      return value
    }
    await new Promise((wake) => setTimeout(wake, 100))
  }
  throw new Error(`Timed out waiting for ${what}`)
}
