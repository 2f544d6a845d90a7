import type { CustomerUpdatableFields } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TelegramProfile } from "../../types"

export type PlanTelegramCustomerInput = {
  authIdentityId: string
  /** Verified by the auth provider: the identity's user_metadata. */
  profile: TelegramProfile
}

export type TelegramCustomerPlan = {
  /** The linked customer, if the identity has one that still exists. */
  customerId: string | null
  /** The identity points at a customer that was deleted since: unlink it first. */
  staleLink: boolean
  /** The customer's fields from Telegram: to create with, or to update (null: nothing changed). */
  fields: CustomerUpdatableFields | null
}

/**
 * Reads, under the caller's lock, whether this Telegram identity already has a
 * customer and what Telegram says that differs from it. Reads only: nothing to undo.
 */
export const planTelegramCustomerStep = createStep(
  "plan-telegram-customer",
  async (input: PlanTelegramCustomerInput, { container }) => {
    const authIdentity = await container.resolve(Modules.AUTH).retrieveAuthIdentity(input.authIdentityId)
    const linkedId = authIdentity.app_metadata?.customer_id
    const [customer] =
      typeof linkedId === "string"
        ? await container.resolve(Modules.CUSTOMER).listCustomers({ id: linkedId }, { take: 1 })
        : []

    // The Telegram account itself lives in the telegram_account module, never in the
    // customer's metadata, which the shopper can write through POST /store/customers/me.
    const fromTelegram = { first_name: input.profile.first_name, last_name: input.profile.last_name }
    if (!customer) {
      return new StepResponse<TelegramCustomerPlan>({
        customerId: null,
        staleLink: linkedId !== undefined && linkedId !== null,
        fields: fromTelegram,
      })
    }
    const unchanged =
      customer.first_name === fromTelegram.first_name && (customer.last_name ?? null) === fromTelegram.last_name
    return new StepResponse<TelegramCustomerPlan>({
      customerId: customer.id,
      staleLink: false,
      fields: unchanged ? null : fromTelegram,
    })
  }
)
