import { z } from "@medusajs/framework/zod"
import type { YookassaNotificationEvent } from "../client/types"

const notificationSchema = z.object({
  type: z.literal("notification"),
  event: z.enum(["payment.succeeded", "payment.waiting_for_capture", "payment.canceled", "refund.succeeded"]),
  object: z.object({ id: z.string().min(1).max(64) }).passthrough(),
})

export type ParsedNotification = { event: YookassaNotificationEvent; objectId: string }

/**
 * What a notification claims: an event and the id of its object. Nothing else in the
 * body is used; the object is always read again from the API.
 */
export function parseNotification(body: unknown): ParsedNotification | undefined {
  const parsed = notificationSchema.safeParse(body)
  return parsed.success ? { event: parsed.data.event, objectId: parsed.data.object.id } : undefined
}
