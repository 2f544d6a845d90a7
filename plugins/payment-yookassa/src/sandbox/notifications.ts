import { request as httpRequest } from "node:http"
import { request as httpsRequest } from "node:https"
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises"
import type { Faults } from "./faults"
import type { NotificationBody, NotificationEvent, NotificationRecord, SandboxLogger } from "./types"

// Yookassa retries a notification for 24 hours until it gets HTTP 200 (yookassa.ru/developers/using-api/webhooks);
// the sandbox retries a few times quickly, so a test or a local store sees the same behaviour in seconds.
const RETRY_DELAYS_MS = [100, 300, 1000, 3000]
const ATTEMPT_TIMEOUT_MS = 5000
// How long reordered notifications are held when nobody flushes them.
const REORDER_WINDOW_MS = 300

type Outgoing = { event: NotificationEvent; objectId: string; body: string; copies: number }

/** Sends notifications to the webhook URL, after the API call that caused them, honouring the fault switches. */
export class Notifier {
  readonly records: NotificationRecord[] = []
  private readonly inFlight = new Set<Promise<void>>()
  private held: Outgoing[] = []
  private reorderTimer?: NodeJS.Timeout
  private readonly stopping = new AbortController()

  constructor(
    private webhookUrl: string | undefined,
    private readonly faults: Faults,
    private readonly logger: SandboxLogger,
    private readonly senderAddress?: string
  ) {}

  setWebhookUrl(url: string | undefined): void {
    this.webhookUrl = url
  }

  notify(event: NotificationEvent, object: NotificationBody["object"]): void {
    const body: NotificationBody = { type: "notification", event, object }
    const outgoing = { event, objectId: object.id, body: JSON.stringify(body), copies: this.faults.notificationCopies }
    if (this.faults.drop) {
      this.records.push({ event, objectId: object.id, delivered: false, attempts: 0 })
      this.logger.warn(`notification ${event} for ${object.id} dropped (fault switch)`)
      return
    }
    if (this.faults.reorder) {
      this.held.push(outgoing)
      this.reorderTimer ??= setTimeout(() => this.releaseHeld(), REORDER_WINDOW_MS)
      return
    }
    this.track(this.send(outgoing))
  }

  /** Sends the held notifications, newest first, one after another so they arrive in that order. */
  releaseHeld(): void {
    clearTimeout(this.reorderTimer)
    this.reorderTimer = undefined
    const batch = this.held.reverse()
    this.held = []
    if (batch.length > 0) {
      this.track(
        (async () => {
          for (const outgoing of batch) {
            await this.send(outgoing)
          }
        })()
      )
    }
  }

  async flush(): Promise<void> {
    this.releaseHeld()
    while (this.inFlight.size > 0) {
      await Promise.all(this.inFlight)
    }
  }

  async stop(): Promise<void> {
    clearTimeout(this.reorderTimer)
    this.held = []
    this.stopping.abort()
    await Promise.all(this.inFlight)
  }

  private track(sending: Promise<void>): void {
    this.inFlight.add(sending)
    void sending.then(() => this.inFlight.delete(sending))
  }

  private async send(outgoing: Outgoing): Promise<void> {
    // Never inside the API call that caused it: the caller gets its answer first, as with Yookassa.
    await nextTurn()
    await Promise.all(Array.from({ length: outgoing.copies }, () => this.deliver(outgoing)))
  }

  /** One copy, retried until the webhook answers 200 (the only answer Yookassa accepts) or the retries run out. */
  private async deliver({ event, objectId, body }: Outgoing): Promise<void> {
    const record: NotificationRecord = { event, objectId, delivered: false, attempts: 0 }
    this.records.push(record)
    const url = this.webhookUrl
    const what = `notification ${event} for ${objectId}`
    if (!url) {
      this.logger.warn(`${what} not sent: no webhook URL is set`)
      return
    }
    const signal = this.stopping.signal
    for (const retryDelay of [...RETRY_DELAYS_MS, undefined]) {
      if (signal.aborted) {
        return
      }
      record.attempts += 1
      const outcome = await post(url, body, signal, this.senderAddress).then(
        (status) => ({ status, text: `answered ${status}` }),
        (error: Error) => ({ status: undefined, text: `failed (${error.message})` })
      )
      record.status = outcome.status
      if (outcome.status === 200) {
        record.delivered = true
        this.logger.info(`${what} delivered to ${url}`)
        return
      }
      if (retryDelay === undefined) {
        this.logger.warn(`${what} ${outcome.text}; gave up after ${record.attempts} attempts`)
        return
      }
      this.logger.warn(`${what} ${outcome.text}; retrying in ${retryDelay} ms`)
      try {
        await sleep(retryDelay, undefined, { signal })
      } catch {
        return
      }
    }
  }
}

/** POSTs a JSON body and resolves with the HTTP status (no keep-alive, so `stop()` leaves no sockets). */
function post(url: string, body: string, signal: AbortSignal, localAddress?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const send = target.protocol === "https:" ? httpsRequest : httpRequest
    const request = send(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        agent: false,
        localAddress,
        timeout: ATTEMPT_TIMEOUT_MS,
        signal,
      },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      }
    )
    request.on("timeout", () => request.destroy(new Error(`no answer in ${ATTEMPT_TIMEOUT_MS} ms`)))
    request.on("error", reject)
    request.end(body)
  })
}
