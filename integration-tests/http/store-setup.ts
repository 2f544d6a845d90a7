import type { MedusaContainer } from "@medusajs/framework/types"
import setupStore from "../../src/migration-scripts/setup-store"
import { seedDemoCatalogue } from "../../src/scripts/seed-demo"

/** What `medusa db:migrate` and local mode's first start do, for a test database. */
export async function prepareStore(container: MedusaContainer, { seed }: { seed: boolean }) {
  await setupStore({ container, args: [] })
  if (seed) {
    await seedDemoCatalogue(container)
  }
}

export type StorefrontConfig = { publishable_key: string; region_id: string; currency_code: string }
