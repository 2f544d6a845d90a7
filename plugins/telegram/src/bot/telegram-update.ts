import { z } from "@medusajs/framework/zod"

/** The event every verified bot update is emitted as; handlers are subscribers to it. */
export const TELEGRAM_UPDATE_EVENT = "telegram.update_received"

const chat = z.object({ id: z.number(), type: z.string() }).passthrough()
const user = z.object({ id: z.number(), is_bot: z.boolean(), first_name: z.string() }).passthrough()

/** The part of Telegram's Update (https://core.telegram.org/bots/api#update) handlers rely on. */
export const TelegramUpdateSchema = z
  .object({
    update_id: z.number().int(),
    message: z
      .object({
        message_id: z.number().int(),
        date: z.number().int(),
        chat,
        from: user.optional(),
        text: z.string().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough()

export type TelegramUpdate = z.infer<typeof TelegramUpdateSchema>
