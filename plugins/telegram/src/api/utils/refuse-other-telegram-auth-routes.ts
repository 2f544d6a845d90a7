import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const ONE_WAY_IN = "Telegram sign-in is only POST /auth/customer/telegram with the header Authorization: tma <initData>"

/**
 * Medusa's dynamic auth routes stay open beside our static login: GET /auth/customer/telegram,
 * .../register, .../callback and the rest would mint tokens outside the login workflow (an
 * identity with no customer opens POST /store/customers). Each of them answers 4xx, no token.
 */
export function refuseOtherTelegramAuthRoutes(req: MedusaRequest, res: MedusaResponse, _next: MedusaNextFunction) {
  const atLogin = /^\/auth\/customer\/telegram\/?$/.test(req.path)
  if (atLogin) {
    res.setHeader("Allow", "POST")
    res.status(405).json({ type: "not_allowed", message: ONE_WAY_IN })
    return
  }
  res.status(404).json({ type: "not_found", message: ONE_WAY_IN })
}
