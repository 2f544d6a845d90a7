import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { PAYMENT_PROVIDER_IDS, readEnvironment, type PaymentMethod } from "../config/environment"

/** The providers of the payment methods this deployment offers (PAYMENT_METHODS). */
export function enabledPaymentProviders(methods: PaymentMethod[] = readEnvironment().paymentMethods): string[] {
  return methods.map((method) => PAYMENT_PROVIDER_IDS[method])
}

/**
 * Makes every region offer exactly the gateways PAYMENT_METHODS enables (Yookassa and
 * Telegram Stars by default), leaving any other provider a merchant added alone. Run once by
 * `medusa db:migrate` (stores set up before Stars existed get it); after changing
 * PAYMENT_METHODS, run it again with `npx medusa exec ./src/migration-scripts/sync-payment-methods.ts`.
 */
export default async function syncPaymentMethods({ container }: ExecArgs): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const enabled = enabledPaymentProviders()
  const ours = new Set(Object.values(PAYMENT_PROVIDER_IDS))
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "name", "payment_providers.id"] })

  for (const region of regions as Array<{
    id: string
    name: string
    payment_providers?: ({ id: string } | null)[] | null
  }>) {
    const current = (region.payment_providers ?? []).flatMap((provider) => (provider ? [provider.id] : []))
    const wanted = [...current.filter((id) => !ours.has(id)), ...enabled]
    if (wanted.length === current.length && wanted.every((id) => current.includes(id))) {
      continue
    }
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: wanted } },
    })
    logger.info(`Store setup: region ${region.name} offers ${enabled.join(", ")}`)
  }
}
