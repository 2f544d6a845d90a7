import { z } from "@medusajs/framework/zod"

export const MAX_EVENTS_PER_BATCH = 100
export const MAX_DETAILS_BYTES = 2048
/** The same cap a `fetch(..., { keepalive: true })` body has. */
export const MAX_BODY_BYTES = 64 * 1024
const MAX_CLOCK_DRIFT_MS = 24 * 60 * 60 * 1000

const ClickEventInput = z
  .object({
    type: z.string().min(1).max(64),
    // Random (a UUID: 122 random bits), so nobody can name another shopper's session and claim it.
    session_id: z.string().uuid({ message: "session_id must be a UUID (crypto.randomUUID())" }).optional(),
    product_id: z.string().min(1).max(64).optional(),
    category_id: z.string().min(1).max(64).optional(),
    details: z
      .record(z.string(), z.unknown())
      .refine((details) => Buffer.byteLength(JSON.stringify(details)) <= MAX_DETAILS_BYTES, {
        message: `details must be at most ${MAX_DETAILS_BYTES} bytes of JSON`,
      })
      .optional(),
    occurred_at: z.coerce.date().refine((date) => Math.abs(date.getTime() - Date.now()) <= MAX_CLOCK_DRIFT_MS, {
      message: "occurred_at is more than a day away from the server's clock",
    }),
  })
  .strict()

export const StoreClicksBody = z
  .object({
    events: z.array(ClickEventInput).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .strict()

export type StoreClicksBodyType = z.infer<typeof StoreClicksBody>
