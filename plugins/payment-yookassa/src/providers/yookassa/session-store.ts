import type { Context } from "@medusajs/framework/types"

export type StoredSession = {
  id: string
  provider_id: string
  status: string
  data: Record<string, unknown> | null
}

type InternalSessionService = {
  list(filters: { id: string }, config: { select: string[] }, context?: Context): Promise<StoredSession[]>
  update(data: { id: string; status?: string; data?: Record<string, unknown> }, context?: Context): Promise<unknown>
}

/**
 * The payment sessions a Yookassa payment belongs to. The provider runs inside the payment
 * module's container, which holds the module's session service: reading it there is how a
 * webhook can tell a live session from one Medusa deleted (whose payment is then stale).
 */
export class SessionStore {
  constructor(private readonly service: InternalSessionService | undefined) {}

  async find(sessionId: string): Promise<StoredSession | undefined> {
    if (!this.service) {
      throw new Error("The payment module's session service is not available to the Yookassa provider")
    }
    const [session] = await this.service.list({ id: sessionId }, { select: ["id", "provider_id", "status", "data"] })
    return session
  }

  async markCanceled(session: StoredSession, data: Record<string, unknown>): Promise<void> {
    await this.service?.update({ id: session.id, status: "canceled", data: { ...(session.data ?? {}), ...data } })
  }
}

export function sessionStoreFrom(container: Record<string, unknown>): SessionStore {
  let service: InternalSessionService | undefined
  try {
    service = container.paymentSessionService as InternalSessionService | undefined
  } catch {
    service = undefined
  }
  return new SessionStore(service)
}
