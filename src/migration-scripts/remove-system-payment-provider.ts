import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"

export const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"

/**
 * Stores set up before this script offered Medusa's system provider, which authorizes any
 * amount: a shopper could place a paid order without paying. Medusa completes carts with a
 * total of 0 without any payment session, so no region needs it. Run once by `medusa db:migrate`.
 */
export default async function removeSystemPaymentProvider({ container }: ExecArgs): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "name", "payment_providers.id"] })

  for (const region of regions as Array<{
    id: string
    name: string
    payment_providers?: ({ id: string } | null)[] | null
  }>) {
    const providers = (region.payment_providers ?? []).flatMap((provider) => (provider ? [provider.id] : []))
    if (!providers.includes(SYSTEM_PAYMENT_PROVIDER)) {
      continue
    }
    await updateRegionsWorkflow(container).run({
      input: {
        selector: { id: region.id },
        update: { payment_providers: providers.filter((id) => id !== SYSTEM_PAYMENT_PROVIDER) },
      },
    })
    logger.info(`Store setup: region ${region.name} no longer offers the system payment provider`)
  }
}
