import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { generateJwtTokenWithChecks } from "@medusajs/medusa/api/auth/utils/generate-jwt-token"
import type { TelegramProfile } from "../../../../types"
import { loginTelegramCustomerWorkflow } from "../../../../workflows/login-telegram-customer"

export const TELEGRAM_AUTH_PROVIDER = "telegram"

type LoginResponse = Awaited<ReturnType<typeof generateJwtTokenWithChecks>>

/**
 * POST /auth/customer/telegram with `Authorization: tma <initData>`: one request
 * from Telegram's initData to a customer token. This static route takes the
 * place of Medusa's dynamic /auth/customer/:provider, whose flow needs three
 * requests (register, create customer, refresh) and an e-mail; every other
 * path under it is refused (see the plugin's middlewares).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse<LoginResponse>) {
  const auth = req.scope.resolve(Modules.AUTH)
  const { success, error, authIdentity, mfaChallenge } = await auth.authenticate(TELEGRAM_AUTH_PROVIDER, {
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

  await loginTelegramCustomerWorkflow(req.scope).run({
    input: { authIdentityId: authIdentity.id, profile },
  })

  // Medusa's own checks, as its auth routes make them: with MFA enabled on the identity, an
  // actorless token and the challenge instead of a customer token; likewise a pending verification.
  const linked = await auth.retrieveAuthIdentity(authIdentity.id, { relations: ["provider_identities"] })
  const result = await generateJwtTokenWithChecks(req.scope, {
    authIdentity: linked,
    mfaChallenge,
    actorType: "customer",
    authProvider: TELEGRAM_AUTH_PROVIDER,
  })
  res.json(result)
}
