import { z } from "@medusajs/framework/zod"

/** An empty field clears it; a form sends "" rather than null. */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && !value.trim() ? null : value), schema.nullable().optional())

/**
 * A course's access data, replaced as a whole (a field left out is cleared); every field
 * empty removes it. The chat is the channel's or
 * group's numeric id (-100…): join links and join requests need it, and the bot must be an
 * admin there allowed to invite users.
 */
export const AdminSaveCourseAccessConfig = z
  .object({
    access_url: optionalText(
      z
        .string()
        .trim()
        .max(2048)
        .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), {
          message: "access_url must be an http(s) URL",
        })
    ),
    telegram_chat_id: optionalText(
      z
        .string()
        .trim()
        .regex(/^-\d{5,19}$/, {
          message: "telegram_chat_id must be the numeric id of the channel or group, such as -1001234567890",
        })
    ),
    instructions: optionalText(
      z.string().trim().max(3000, { message: "instructions must be at most 3000 characters" })
    ),
  })
  .strict()

export type AdminSaveCourseAccessConfigType = z.infer<typeof AdminSaveCourseAccessConfig>

export const AdminCourseAccessConfigQuery = z.object({}).strict()
