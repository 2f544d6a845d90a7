import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** One course the customer owns, with everything they need to take it. */
export type StoreMyCourse = {
  id: string
  product_id: string
  order_id: string
  granted_at: string
  title: string
  handle: string | null
  thumbnail: string | null
  access_url: string | null
  instructions: string | null
  /** The course's channel or group: the buyer's own join-request link, once made. */
  telegram: { join_link: string | null; joined: boolean } | null
}

type AccessRow = {
  id: string
  product_id: string
  order_id: string
  granted_at: Date | string
  invite_link: string | null
  joined_at: Date | string | null
  product?: { title?: string | null; handle?: string | null; thumbnail?: string | null } | null
}

type ConfigRow = { product_id: string; access_url: string | null; telegram_chat_id: string | null; instructions: string | null }

/**
 * GET /store/customers/me/courses: the signed-in customer's active courses, newest first, with
 * their access data. Only the token's customer is read; revoked courses are not listed. Titles
 * follow the locale Medusa read from the request (`?locale=en-US` or `x-medusa-locale`).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<{ courses: StoreMyCourse[] }>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: accesses } = await query.graph(
    {
      entity: "course_access",
      fields: [
        "id",
        "product_id",
        "order_id",
        "granted_at",
        "invite_link",
        "joined_at",
        "product.title",
        "product.handle",
        "product.thumbnail",
      ],
      filters: { customer_id: req.auth_context.actor_id, status: "active" },
      pagination: { order: { granted_at: "DESC" } },
    },
    // Course titles in the shopper's language (?locale= or x-medusa-locale), as the catalogue has them.
    { locale: req.locale }
  )
  const rows = accesses as unknown as AccessRow[]
  const { data: configs } = rows.length
    ? await query.graph({
        entity: "course_access_config",
        fields: ["product_id", "access_url", "telegram_chat_id", "instructions"],
        filters: { product_id: rows.map((row) => row.product_id) },
      })
    : { data: [] }
  const byProduct = new Map((configs as unknown as ConfigRow[]).map((data) => [data.product_id, data]))

  // A course bought twice (two carts completed at once) is listed once.
  const seen = new Set<string>()
  const courses = rows.flatMap((row): StoreMyCourse[] => {
    if (seen.has(row.product_id)) {
      return []
    }
    seen.add(row.product_id)
    const data = byProduct.get(row.product_id)
    return [
      {
        id: row.id,
        product_id: row.product_id,
        order_id: row.order_id,
        granted_at: new Date(row.granted_at).toISOString(),
        title: row.product?.title ?? "",
        handle: row.product?.handle ?? null,
        thumbnail: row.product?.thumbnail ?? null,
        access_url: data?.access_url ?? null,
        instructions: data?.instructions ?? null,
        telegram: data?.telegram_chat_id || row.invite_link ? { join_link: row.invite_link, joined: Boolean(row.joined_at) } : null,
      },
    ]
  })
  res.json({ courses })
}
