import { timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TELEGRAM_UPDATE_EVENT, TelegramUpdateSchema } from "../../../bot/telegram-update"
import { handleStarsUpdate } from "../../../stars/handle-stars-update"
import { telegramPluginOptions } from "../../../options"

const SECRET_HEADER = "x-telegram-bot-api-secret-token"
const MAX_UPDATE_BYTES = 1024 * 1024

/**
 * POST /hooks/telegram: the bot's webhook. Only Telegram knows the secret it was given
 * by `setWebhook`, so a request without it gets 401. Stars payments in a verified update are
 * handled in this request (handleStarsUpdate); every verified update is then answered 200
 * and emitted as `telegram.update_received`: handlers are subscribers, so any
 * plugin can add one. A malformed update is dropped with 200, or Telegram would resend
 * it forever.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { webhookSecret } = telegramPluginOptions(req.scope)
  const given = req.headers[SECRET_HEADER]
  if (!webhookSecret || typeof given !== "string" || !sameSecret(given, webhookSecret)) {
    res.status(401).json({ message: "Unknown webhook secret" })
    return
  }

  const update = TelegramUpdateSchema.safeParse(await readJson(req))
  if (!update.success) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn("Telegram webhook: malformed update ignored")
    res.json({ ok: true })
    return
  }

  // Payments are answered here: Telegram waits at most 10 s for a pre-checkout answer.
  await handleStarsUpdate(req.scope, update.data)
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: TELEGRAM_UPDATE_EVENT, data: update.data })
  res.json({ ok: true })
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The body as JSON, or undefined: the body parser is off for this route (see middlewares.ts). */
async function readJson(req: MedusaRequest): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_UPDATE_BYTES) {
      return undefined
    }
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"))
  } catch {
    return undefined
  }
}
