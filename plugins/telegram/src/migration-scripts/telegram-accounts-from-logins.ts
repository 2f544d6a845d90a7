import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TELEGRAM_ACCOUNT_MODULE } from "../modules/telegram-account"
import type TelegramAccountModuleService from "../modules/telegram-account/service"
import type { TelegramProfile } from "../types"

const PAGE = 500

/**
 * Once, when the telegram_account module arrives (`medusa db:migrate` runs a plugin's migration
 * scripts): records the verified account of every customer who signed in with Telegram before, from
 * what the auth provider wrote (the identity's user_metadata and its customer link), never from the
 * customer's metadata. Later logins keep the accounts current.
 */
export default async function telegramAccountsFromLogins({ container }: Pick<ExecArgs, "container">): Promise<number> {
  const auth = container.resolve(Modules.AUTH)
  const accounts = container.resolve<TelegramAccountModuleService>(TELEGRAM_ACCOUNT_MODULE)
  let recorded = 0
  for (let skip = 0; ; skip += PAGE) {
    const identities = await auth.listProviderIdentities(
      { provider: "telegram" },
      { skip, take: PAGE, order: { id: "ASC" } }
    )
    if (!identities.length) {
      break
    }
    const owners = await auth.listAuthIdentities(
      { id: identities.map((identity) => identity.auth_identity_id!) },
      { take: null }
    )
    const customerOf = new Map(owners.map((owner) => [owner.id, owner.app_metadata?.customer_id]))
    const known = new Set(
      (
        await accounts.listTelegramAccounts(
          { telegram_user_id: identities.map((identity) => identity.entity_id) },
          { select: ["telegram_user_id"], take: null }
        )
      ).map((account) => account.telegram_user_id)
    )
    const missing = identities.flatMap((identity) => {
      const customerId = customerOf.get(identity.auth_identity_id!)
      const profile = identity.user_metadata as TelegramProfile | null
      if (
        typeof customerId !== "string" ||
        !profile ||
        known.has(identity.entity_id) ||
        String(profile.id) !== identity.entity_id
      ) {
        return []
      }
      return [
        {
          telegram_user_id: identity.entity_id,
          customer_id: customerId,
          first_name: profile.first_name,
          last_name: profile.last_name ?? null,
          username: profile.username ?? null,
          language_code: profile.language_code ?? null,
          photo_url: profile.photo_url ?? null,
          is_premium: profile.is_premium === true,
          allows_write_to_pm: profile.allows_write_to_pm === true,
        },
      ]
    })
    if (missing.length) {
      await accounts.createTelegramAccounts(missing)
      recorded += missing.length
    }
  }
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`Telegram accounts recorded from earlier logins: ${recorded}`)
  return recorded
}
