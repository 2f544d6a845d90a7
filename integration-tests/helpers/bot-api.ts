// From source: CI type-checks before the plugins are built.
import { start, type BotApiDouble } from "../../plugins/telegram/src/testing/bot-api-double"
import { useEnvironment, workerPort } from "./test-environment"

export const ADMIN_CHAT_ID = "-1001234567890"

/** Points the app at a Bot API double for one test file (on a port fixed per jest worker). */
export function useBotApiDouble(basePort: number): { api: () => BotApiDouble } {
  const port = workerPort(basePort)
  useEnvironment({ TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, TELEGRAM_ADMIN_CHAT_ID: ADMIN_CHAT_ID })

  let double: BotApiDouble | undefined
  beforeAll(async () => {
    double = await start({ port })
  })
  afterAll(async () => {
    await double?.stop()
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
