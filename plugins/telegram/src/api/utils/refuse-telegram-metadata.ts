import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Refuses a store request that writes `metadata.telegram` onto a customer. The customer's Telegram
 * account lives in the telegram_account module, written only by the login; a key of that name in the
 * shopper-writable metadata could only mislead someone reading it.
 */
export function refuseTelegramMetadata(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const metadata = (req.body as { metadata?: unknown } | undefined)?.metadata
  if (
    metadata &&
    typeof metadata === "object" &&
    Object.keys(metadata).some((key) => key.trim().toLowerCase() === "telegram")
  ) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "metadata.telegram cannot be set: the Telegram account comes from the Telegram login only"
      )
    )
  }
  next()
}
