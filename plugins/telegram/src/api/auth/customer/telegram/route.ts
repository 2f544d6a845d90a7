import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, generateJwtToken, MedusaError, Modules } from "@medusajs/framework/utils"
import type { TelegramProfile } from "../../../../types"
import { loginTelegramCustomerWorkflow } from "../../../../workflows/login-telegram-customer"

export const TELEGRAM_AUTH_PROVIDER = "telegram"

type LoginResponse = { token: string }

/**
 * POST /auth/customer/telegram with `Authorization: tma <initData>`: one request
 * from Telegram's initData to a customer token. This static route takes the
 * place of Medusa's dynamic /auth/customer/:provider, whose flow needs three
 * requests (register, create customer, refresh) and an e-mail.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse<LoginResponse>) {
  const { success, error, authIdentity } = await req.scope.resolve(Modules.AUTH).authenticate(TELEGRAM_AUTH_PROVIDER, {
    url: req.url,
    headers: req.headers as Record<string, string>,
    query: req.query as Record<string, string>,
    body: {},
    protocol: req.protocol,
  })
  if (!success || !authIdentity) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, error ?? "Telegram login failed")
  }
  // The provider has just written the verified Telegram profile onto the identity.
  const identity = authIdentity.provider_identities?.find((item) => item.provider === TELEGRAM_AUTH_PROVIDER)
  const profile = identity?.user_metadata as TelegramProfile | undefined
  if (!profile) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Telegram login failed")
  }

  const { result: customerId } = await loginTelegramCustomerWorkflow(req.scope).run({
    input: { authIdentityId: authIdentity.id, profile },
  })

  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = generateJwtToken(
    {
      actor_id: customerId,
      actor_type: "customer",
      auth_identity_id: authIdentity.id,
      auth_provider: TELEGRAM_AUTH_PROVIDER,
      app_metadata: { ...(authIdentity.app_metadata ?? {}), customer_id: customerId },
      user_metadata: profile,
    },
    { secret: http.jwtSecret, expiresIn: http.jwtExpiresIn, jwtOptions: http.jwtOptions }
  )
  res.json({ token })
}
