import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WEBHOOK_PROVIDER } from "../../../options"

const WEBHOOK_PATH = `/hooks/payment/${WEBHOOK_PROVIDER}`

/**
 * Our static route only matches the path as written; an encoded spelling such as
 * `/hooks/payment/yookassa%5Fyookassa` would fall through to Medusa's dynamic route, which
 * decodes it into our provider and skips the sender check. Such requests are refused here.
 */
export function refuseUncheckedYookassaWebhooks(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const rawPath = (req.originalUrl ?? req.url).split("?")[0].replace(/\/+$/, "")
  let decoded = rawPath
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    // Not decodable: cannot name our provider.
  }
  if (decoded.toLowerCase() === WEBHOOK_PATH && rawPath.toLowerCase() !== WEBHOOK_PATH) {
    res.status(404).json({ message: `Yookassa notifications are accepted at ${WEBHOOK_PATH} only` })
    return
  }
  next()
}
