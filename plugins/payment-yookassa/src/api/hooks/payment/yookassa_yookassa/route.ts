import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { NOTIFICATION_EVENT, WEBHOOK_PROVIDER } from "../../../../options"
import { yookassaPlugin } from "../../../../plugin-services"
import { parseNotification } from "../../../../utils/notification"
import { senderAddress } from "../../../../utils/sender-allowlist"

const MAX_NOTIFICATION_BYTES = 256 * 1024

/**
 * POST /hooks/payment/yookassa_yookassa: Yookassa's notifications. Replaces Medusa's stock
 * route at the same path, which cannot see the sender and always waits 5 s. Notifications
 * are not signed, so the sender must be one of Yookassa's addresses (X-Forwarded-For is read
 * only from configured trusted proxies, as proxy-addr does for Express). An accepted
 * notification is answered 200 at once and handed to the notification subscribers, which
 * re-read the payment from the API, run Medusa's own payment flow and settle what no order needs.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const { options, senders, proxyTrust } = yookassaPlugin(req.scope)
  const { webhook } = options
  const sender = senderAddress(req, proxyTrust)
  if (!senders.allows(sender)) {
    logger.warn(`Yookassa webhook refused: sender ${sender ?? "unknown"} is not one of Yookassa's addresses`)
    res.status(403).json({ message: "Notifications are accepted from Yookassa's addresses only" })
    return
  }

  const raw = await readBody(req)
  const body = raw ? parseJson(raw) : undefined
  if (!parseNotification(body)) {
    // Answer 200 anyway: Yookassa would resend a body we will never understand.
    logger.warn("Yookassa webhook ignored: the body is not a Yookassa notification")
    res.json({ ok: true })
    return
  }

  await req.scope.resolve(Modules.EVENT_BUS).emit(
    {
      name: NOTIFICATION_EVENT,
      data: {
        provider: WEBHOOK_PROVIDER,
        payload: { data: body, rawData: raw, headers: { "content-type": req.headers["content-type"] } },
      },
    },
    { delay: webhook.delayMs, attempts: webhook.attempts, backoff: { type: "exponential", delay: 1_000 } }
  )
  res.json({ ok: true })
}

/** The raw body, or undefined when it is too large: the body parser is off here (see middlewares.ts). */
async function readBody(req: MedusaRequest): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_NOTIFICATION_BYTES) {
      return undefined
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"))
  } catch {
    return undefined
  }
}
