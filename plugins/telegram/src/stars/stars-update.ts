import { z } from "@medusajs/framework/zod"

const payer = z.object({ id: z.number().int().positive() }).passthrough()

/** https://core.telegram.org/bots/api#precheckoutquery */
export const PreCheckoutQuerySchema = z
  .object({
    id: z.string().min(1),
    from: payer,
    currency: z.string(),
    total_amount: z.number().int(),
    invoice_payload: z.string(),
  })
  .passthrough()

/** https://core.telegram.org/bots/api#successfulpayment */
export const SuccessfulPaymentSchema = z
  .object({
    currency: z.string(),
    total_amount: z.number().int(),
    invoice_payload: z.string(),
    telegram_payment_charge_id: z.string().min(1),
  })
  .passthrough()

/** The payment parts of a bot update; anything else is not the Stars handler's. */
export const StarsUpdateSchema = z
  .object({
    pre_checkout_query: PreCheckoutQuerySchema.optional(),
    message: z
      .object({
        from: payer.optional(),
        chat: z.object({ id: z.number() }).passthrough(),
        successful_payment: SuccessfulPaymentSchema.optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough()

export type PreCheckoutQuery = z.infer<typeof PreCheckoutQuerySchema>
export type SuccessfulPayment = z.infer<typeof SuccessfulPaymentSchema>
