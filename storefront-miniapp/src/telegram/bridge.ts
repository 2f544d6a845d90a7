import type { TelegramEnvironment } from "./environment"

/**
 * The Telegram client chunk (client.ts), started beside the first screen: screens call
 * Telegram through `telegram()`, which waits for it, so calls made before it starts keep their
 * order and are not lost.
 */
type Client = typeof import("./client")
type InsideEnvironment = Exclude<TelegramEnvironment, "outside">

let begin: (environment: InsideEnvironment) => void = () => undefined
const client: Promise<Client> = new Promise<InsideEnvironment>((resolve) => (begin = resolve)).then((environment) =>
  import("./client").then((module) => {
    module.startTelegram(environment)
    return module
  })
)
// Nobody may be waiting yet: a failed chunk is seen by the next call, not reported as unhandled.
client.catch(() => undefined)

/** Loads and starts the client; later calls do nothing. */
export function startTelegramClient(environment: InsideEnvironment): void {
  begin(environment)
}

export function telegram(): Promise<Client> {
  return client
}

/** Runs `call` once the client is there; failures (an old client, a failed chunk) are ignored. */
export function withTelegram(call: (client: Client) => void): void {
  telegram().then(call, () => undefined)
}
