import { AbstractAuthModuleProvider } from "@medusajs/framework/utils"
import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityDTO,
  AuthIdentityProviderService,
} from "@medusajs/framework/types"
import type { TelegramUser } from "../../types"
import { TELEGRAM_PUBLIC_KEYS, verifyInitData, type InitDataVerification } from "../../utils/init-data"
import { toTelegramProfile } from "../../utils/telegram-profile"
import { parseTelegramAuthOptions, type ResolvedTelegramAuthOptions, type TelegramAuthOptions } from "./options"

/**
 * Auth provider "telegram": a shopper is who Telegram's signed initData says,
 * sent as `Authorization: tma <initData>`. The auth identity is keyed on the
 * Telegram user id and carries the Telegram profile as user_metadata, never an
 * e-mail. `register` checks exactly as much as `authenticate`, since Medusa
 * mints a token for either.
 */
class TelegramAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = "telegram"
  static DISPLAY_NAME = "Telegram"

  private readonly verification: InitDataVerification

  static validateOptions(options: Record<string, unknown>): void {
    parseTelegramAuthOptions(options)
  }

  constructor(_container: Record<string, unknown>, options: TelegramAuthOptions) {
    super()
    this.verification = verificationFor(parseTelegramAuthOptions(options))
  }

  async authenticate(
    input: AuthenticationInput,
    authIdentityService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    const header = input.headers?.authorization
    const raw = typeof header === "string" ? header.match(/^tma (.+)$/s)?.[1] : undefined
    if (!raw) {
      return { success: false, error: "Send Telegram's initData as the header Authorization: tma <initData>" }
    }
    const result = verifyInitData(raw, this.verification)
    if (!result.ok) {
      return { success: false, error: result.reason }
    }
    const authIdentity = await this.upsertIdentity(result.data.user, authIdentityService)
    return { success: true, authIdentity }
  }

  async register(
    input: AuthenticationInput,
    authIdentityService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    return this.authenticate(input, authIdentityService)
  }

  /** One identity per Telegram user, also when first logins race (the loser reads the winner's). */
  private async upsertIdentity(
    user: TelegramUser,
    authIdentityService: AuthIdentityProviderService
  ): Promise<AuthIdentityDTO> {
    const entity_id = String(user.id)
    const user_metadata = toTelegramProfile(user)
    const existing = await authIdentityService.retrieve({ entity_id }).catch(() => undefined)
    if (!existing) {
      try {
        return await authIdentityService.create({ entity_id, user_metadata })
      } catch (error) {
        const winner = await authIdentityService.retrieve({ entity_id }).catch(() => undefined)
        if (!winner) {
          throw error
        }
        return winner
      }
    }
    const current = existing.provider_identities?.find((identity) => identity.entity_id === entity_id)
    if (JSON.stringify(current?.user_metadata ?? {}) !== JSON.stringify(user_metadata)) {
      return authIdentityService.update(entity_id, { user_metadata })
    }
    return existing
  }
}

export default TelegramAuthProviderService

/** The bot token's HMAC when there is a token, else Telegram's signature for the bot id (the options require one). */
function verificationFor(options: ResolvedTelegramAuthOptions): InitDataVerification {
  const maxAgeSeconds = options.initDataMaxAgeSeconds
  if (options.botToken) {
    return { botToken: options.botToken, maxAgeSeconds }
  }
  const publicKey = options.testEnvironment ? TELEGRAM_PUBLIC_KEYS.test : TELEGRAM_PUBLIC_KEYS.production
  return { thirdParty: { botId: options.botId ?? Number.NaN, publicKey }, maxAgeSeconds }
}
