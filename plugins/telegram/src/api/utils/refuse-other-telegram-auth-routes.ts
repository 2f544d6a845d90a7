import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const LOGIN_PATH = "/auth/customer/telegram"
const ONE_WAY_IN = "Telegram sign-in is only POST /auth/customer/telegram with the header Authorization: tma <initData>"

/** The request's path as the client wrote it, without the query or trailing slashes. */
function rawPathOf(req: MedusaRequest): string {
  return (req.originalUrl ?? req.url).split("?")[0].replace(/\/+$/, "")
}

/** The path the dynamic `/auth/:actor/:provider` routes see: decoded, and routes ignore case. */
function routedPathOf(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath).toLowerCase().replace(/\/+$/, "")
  } catch {
    // Not decodable: the router refuses it too, and it cannot name our provider.
    return rawPath.toLowerCase()
  }
}

/**
 * Medusa's dynamic auth routes stay open beside our static login: GET /auth/customer/telegram,
 * .../register, .../callback and the rest would mint tokens outside the login workflow (an
 * identity with no customer opens POST /store/customers). The router decodes the provider
 * (`%74elegram`) and ignores case, so the guard matches the path the same way; each of these
 * answers 4xx, no token. Only the static login route, spelled plainly, goes on.
 */
export function refuseOtherTelegramAuthRoutes(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const rawPath = rawPathOf(req)
  const routedPath = routedPathOf(rawPath)
  if (routedPath !== LOGIN_PATH && !routedPath.startsWith(`${LOGIN_PATH}/`)) {
    next()
    return
  }
  const spelledPlainly = rawPath.toLowerCase() === LOGIN_PATH
  if (spelledPlainly && req.method === "POST") {
    next()
    return
  }
  if (spelledPlainly) {
    res.setHeader("Allow", "POST")
    res.status(405).json({ type: "not_allowed", message: ONE_WAY_IN })
    return
  }
  res.status(404).json({ type: "not_found", message: ONE_WAY_IN })
}
