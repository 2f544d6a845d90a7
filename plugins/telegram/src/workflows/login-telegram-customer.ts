import {
  acquireLockStep,
  createCustomersWorkflow,
  releaseLockStep,
  setAuthAppMetadataStep,
  updateCustomersWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planTelegramCustomerStep, type PlanTelegramCustomerInput } from "./steps/plan-telegram-customer"
import { saveTelegramAccountStep } from "./steps/save-telegram-account"

export const loginTelegramCustomerWorkflowId = "login-telegram-customer"

/**
 * Makes a verified Telegram identity a Medusa customer: creates the customer and
 * links it to the auth identity on the first login, updates what changed on
 * later ones, and records the verified Telegram account (telegram_account module)
 * that delivery and messages read. Runs under a lock on the Telegram id, so that simultaneous first
 * logins of one user give one customer. Medusa's createCustomerAccountWorkflow
 * can't be used: it demands an e-mail, which Telegram does not give.
 */
export const loginTelegramCustomerWorkflow = createWorkflow(
  loginTelegramCustomerWorkflowId,
  (input: PlanTelegramCustomerInput) => {
    const lockKey = transform({ input }, ({ input }) => `telegram-customer:${input.profile.id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 30 })

    const plan = planTelegramCustomerStep(input)

    when("unlink-deleted-customer", { plan }, ({ plan }) => plan.staleLink).then(() => {
      setAuthAppMetadataStep({ authIdentityId: input.authIdentityId, actorType: "customer", value: null }).config({
        name: "unlink-deleted-customer",
      })
    })

    const created = when("create-telegram-customer", { plan }, ({ plan }) => !plan.customerId).then(() => {
      const customersData = transform({ plan }, ({ plan }) => [{ ...plan.fields!, has_account: true }])
      const customers = createCustomersWorkflow.runAsStep({ input: { customersData } })
      const customer = transform({ customers }, ({ customers }) => customers[0])
      setAuthAppMetadataStep({ authIdentityId: input.authIdentityId, actorType: "customer", value: customer.id })
      return customer
    })

    when("update-telegram-customer", { plan }, ({ plan }) => !!plan.customerId && !!plan.fields).then(() => {
      const update = transform({ plan }, ({ plan }) => ({ selector: { id: plan.customerId! }, update: plan.fields! }))
      updateCustomersWorkflow.runAsStep({ input: update })
    })

    const customerId = transform({ plan, created }, ({ plan, created }) => plan.customerId ?? created!.id)
    saveTelegramAccountStep({ customerId, profile: input.profile })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(customerId)
  }
)
