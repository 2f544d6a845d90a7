import { AbstractAuthModuleProvider, MedusaError } from "@medusajs/framework/utils"
import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityDTO,
  AuthIdentityProviderService,
} from "@medusajs/framework/types"
import type { TelegramUser } from "../../types"
import { TELEGRAM_PUBLIC_KEYS, verifyInitData, type InitDataVerification } from "../../utils/init-data"
import { toTelegramProfile } from "../../utils/telegram-profile"

export type TelegramAuthOptions = {
  /** The bot's token: initData is checked with its HMAC. */
  botToken?: string
  /** Without a token: check Telegram's Ed25519 signature for this bot id instead. */
  botId?: number
  /** Use Telegram's test-environment key for the Ed25519 check. */
  testEnvironment?: boolean
  /** How old initData may be, in seconds (default 24 h). */
  initDataMaxAgeSeconds?: number
}

const DEFAULT_MAX_AGE_SECONDS = 24 * 60 * 60

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

  static validateOptions(options: TelegramAuthOptions): void {
    if (!options.botToken && !options.botId) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "Telegram auth provider: set the option botToken (or botId for third-party validation)"
      )
    }
    if (options.botToken && !/^\d+:[\w-]+$/.test(options.botToken)) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "Telegram auth provider: botToken is malformed")
    }
    const maxAge = options.initDataMaxAgeSeconds
    if (maxAge !== undefined && (!Number.isInteger(maxAge) || maxAge < 60)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "Telegram auth provider: initDataMaxAgeSeconds must be a whole number of seconds, at least 60"
      )
    }
  }

  constructor(_container: Record<string, unknown>, options: TelegramAuthOptions) {
    super()
    const maxAgeSeconds = options.initDataMaxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS
    this.verification = options.botToken
      ? { botToken: options.botToken, maxAgeSeconds }
      : {
          thirdParty: {
            botId: options.botId!,
            publicKey: options.testEnvironment ? TELEGRAM_PUBLIC_KEYS.test : TELEGRAM_PUBLIC_KEYS.production,
          },
          maxAgeSeconds,
        }
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
