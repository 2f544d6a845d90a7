import type { InferTypeOf } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TelegramProfile } from "../../types"
import { TELEGRAM_ACCOUNT_MODULE } from "../../modules/telegram-account"
import type TelegramAccount from "../../modules/telegram-account/models/telegram-account"
import type TelegramAccountModuleService from "../../modules/telegram-account/service"

export type SaveTelegramAccountInput = { customerId: string; profile: TelegramProfile }

type Account = InferTypeOf<typeof TelegramAccount>
/** What to undo: the account created, or the account as it was before the update. */
type Undo = { createdId?: string; previous?: Account }

/** The account's columns from the verified profile. */
const accountFields = ({ customerId, profile }: SaveTelegramAccountInput) => ({
  telegram_user_id: String(profile.id),
  customer_id: customerId,
  first_name: profile.first_name,
  last_name: profile.last_name,
  username: profile.username,
  language_code: profile.language_code,
  photo_url: profile.photo_url,
  is_premium: profile.is_premium,
  allows_write_to_pm: profile.allows_write_to_pm,
})

type AccountFields = ReturnType<typeof accountFields>

const columnsOf = (account: Account): AccountFields & { id: string } => ({
  id: account.id,
  telegram_user_id: account.telegram_user_id,
  customer_id: account.customer_id,
  first_name: account.first_name,
  last_name: account.last_name,
  username: account.username,
  language_code: account.language_code,
  photo_url: account.photo_url,
  is_premium: account.is_premium,
  allows_write_to_pm: account.allows_write_to_pm,
})

/**
 * Records the customer's verified Telegram account (the one source of a customer's Telegram
 * identity). Keyed on the Telegram id: a customer re-created after a deletion takes the account over.
 * Runs under the login workflow's lock on that id.
 */
export const saveTelegramAccountStep = createStep(
  "save-telegram-account",
  async (input: SaveTelegramAccountInput, { container }) => {
    const service = container.resolve<TelegramAccountModuleService>(TELEGRAM_ACCOUNT_MODULE)
    const fields = accountFields(input)
    const [existing] = await service.listTelegramAccounts({ telegram_user_id: fields.telegram_user_id }, { take: 1 })
    if (!existing) {
      const created = await service.createTelegramAccounts(fields)
      return new StepResponse<string, Undo>(created.id, { createdId: created.id })
    }
    const changed = (Object.keys(fields) as (keyof AccountFields)[]).some((key) => existing[key] !== fields[key])
    if (changed) {
      await service.updateTelegramAccounts({ id: existing.id, ...fields })
    }
    return new StepResponse<string, Undo>(existing.id, changed ? { previous: existing as Account } : {})
  },
  async (undo: Undo | undefined, { container }) => {
    const service = container.resolve<TelegramAccountModuleService>(TELEGRAM_ACCOUNT_MODULE)
    if (undo?.createdId) {
      await service.deleteTelegramAccounts(undo.createdId)
    } else if (undo?.previous) {
      await service.updateTelegramAccounts(columnsOf(undo.previous))
    }
  }
)
