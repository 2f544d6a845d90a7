import { AbstractAuthModuleProvider } from "@medusajs/framework/utils"
import type { AuthenticationInput, AuthenticationResponse } from "@medusajs/framework/types"

/**
 * Auth provider "telegram": shoppers sign in with the Mini App's signed initData.
 * The initData check lands with the Telegram login issue; until then every
 * attempt is refused, so the provider can be wired without opening a door.
 */
class TelegramAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = "telegram"
  static DISPLAY_NAME = "Telegram"

  async authenticate(_input: AuthenticationInput): Promise<AuthenticationResponse> {
    return { success: false, error: "Telegram login is not available yet" }
  }

  async register(_input: AuthenticationInput): Promise<AuthenticationResponse> {
    return { success: false, error: "Telegram login is not available yet" }
  }
}

export default TelegramAuthProviderService
