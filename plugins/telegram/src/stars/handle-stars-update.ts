import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STARS_CURRENCY } from "../providers/telegram-stars/options"
import { decodeInvoicePayload } from "./payload"
import { starsConfigured } from "./plugin-services"
import { answerPreCheckoutQuery } from "./pre-checkout"
import { settleStarsCharge } from "./settlement/settle-stars-charge"
import { StarsUpdateSchema } from "./stars-update"

/**
 * The payment part of a verified bot update, handled in the update's own request: Telegram
 * waits at most 10 s for a pre-checkout answer, and the event bus runs on the worker. A
 * successful payment is settled at once; if that fails, the reconciliation job finds the
 * charge in the bot's Star transactions, so the update is never answered with a 5xx.
 */
export async function handleStarsUpdate(container: MedusaContainer, update: unknown): Promise<void> {
  if (!starsConfigured(container)) {
    return
  }
  const parsed = StarsUpdateSchema.safeParse(update)
  if (!parsed.success) {
    return
  }
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const { pre_checkout_query: query, message } = parsed.data
  try {
    if (query) {
      await answerPreCheckoutQuery(container, query)
    }
    const payment = message?.successful_payment
    const payer = message?.from?.id ?? message?.chat.id
    if (payment && payer) {
      const payload = decodeInvoicePayload(payment.invoice_payload)
      if (!payload || payment.currency !== STARS_CURRENCY) {
        logger.warn(
          `Telegram Stars: successful payment ${payment.telegram_payment_charge_id} ignored: not an invoice of this store`
        )
        return
      }
      await settleStarsCharge(container, {
        charge_id: payment.telegram_payment_charge_id,
        user_id: payer,
        stars: payment.total_amount,
        ...payload,
      })
    }
  } catch (error) {
    logger.error(
      `Telegram Stars: update not handled (the reconciliation job will retry): ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
