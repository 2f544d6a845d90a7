import type { TelegramEnvironment } from "./environment"

/**
 * The Telegram client chunk (client.ts), started at launch beside the first screen's requests.
 * Screens call Telegram through `telegram()`, which waits for it; calls keep their order.
 */
type Client = typeof import("./client")

let client: Promise<Client> | undefined

export function startTelegramClient(environment: Exclude<TelegramEnvironment, "outside">): void {
  client ??= import("./client").then((module) => {
    module.startTelegram(environment)
    return module
  })
}

export function telegram(): Promise<Client> {
  if (!client) return Promise.reject(new Error("Telegram client not started"))
  return client
}

/** Runs `call` once the client is there; failures (an old client, a failed chunk) are ignored. */
export function withTelegram(call: (client: Client) => void): void {
  telegram().then(call, () => undefined)
}
