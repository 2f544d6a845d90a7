import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Medusa's `POST /hooks/payment/:provider` queues an event for any name it is given, and the
 * worker then fails to find the provider, three times per request, into the error log. Anyone
 * could fill the event bus and the log so. A name that is not one of the payment module's
 * providers is answered 404 before the event is queued.
 */
export function refuseUnknownPaymentProvider(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const provider = String(req.params.provider ?? "")
  isPaymentProvider(req, provider).then((known) => {
    if (known) {
      return next()
    }
    res.status(404).json({
      type: "not_found",
      message: `No payment provider '${provider.slice(0, 64)}' receives webhooks here`,
    })
  }, next)
}

/** Providers are registered at start-up and stay: one found is not looked up again (every Yookassa notification passes here). */
const knownProviders = new Set<string>()

async function isPaymentProvider(req: MedusaRequest, provider: string): Promise<boolean> {
  if (!provider) {
    return false
  }
  if (knownProviders.has(provider)) {
    return true
  }
  const payments = req.scope.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const [found] = await payments.listPaymentProviders({ id: [`pp_${provider}`] }, { take: 1, select: ["id"] })
  if (found) {
    knownProviders.add(provider)
  }
  return Boolean(found)
}
