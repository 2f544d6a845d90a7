import { StarsBotApiError, type StarsBotClient } from "./bot-client"

export type RefundOutcome = "refunded" | "already_refunded"

/**
 * Gives a Stars charge back. Telegram refunds a charge at most once and says so
 * (CHARGE_ALREADY_REFUNDED), so a repeated attempt moves no money and counts as done.
 */
export async function refundStarsCharge(
  client: StarsBotClient,
  userId: number,
  chargeId: string
): Promise<RefundOutcome> {
  try {
    await client.refundStarPayment(userId, chargeId)
    return "refunded"
  } catch (error) {
    if (error instanceof StarsBotApiError && /CHARGE_ALREADY_REFUNDED/.test(error.description)) {
      return "already_refunded"
    }
    throw error
  }
}
