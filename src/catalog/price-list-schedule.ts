import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, PriceListStatus } from "@medusajs/framework/utils"

/**
 * The next moment an active price list starts or ends. No event marks it, so a catalogue
 * built before it must not be served after it (undefined: no such moment is scheduled).
 */
export async function nextPriceListChange(container: MedusaContainer, now = Date.now()): Promise<number | undefined> {
  const priceLists = await container
    .resolve(Modules.PRICING)
    .listPriceLists({ status: [PriceListStatus.ACTIVE] }, { select: ["id", "starts_at", "ends_at"] })
  const upcoming = priceLists
    .flatMap((priceList) => [priceList.starts_at, priceList.ends_at])
    .flatMap((moment) => (moment ? [new Date(moment).getTime()] : []))
    .filter((moment) => moment > now)
  return upcoming.length ? Math.min(...upcoming) : undefined
}
